using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Access;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// Looks up the task versions a graph pins, loading each document once: a published version's document
/// never changes, so it is kept for the activation (its status is read again when a graph is checked, as it may be deprecated).
/// </summary>
public sealed class PipelineTasks(IGrainFactory grains, Guid orgId)
{
    private readonly Dictionary<string, (TaskContract Contract, string Hash, string Category, TaskDefinitionStatus Status)> loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// The task versions of the graph that exist, keyed "name@version"; missing ones are left out. A member of
    /// another org using a public pipeline reads them through the platform: the pipeline lends its tasks.
    /// </summary>
    public Task<IReadOnlyDictionary<string, PipelineTask>> ResolveAsync(PipelineGraph graph) => ResolveAsync(graph, freshStatus: true);

    /// <summary>
    /// As <see cref="ResolveAsync(PipelineGraph)"/>, for running a published version: the task versions it pinned run
    /// whatever their status since (deprecating a task does not stop the pipelines that pin it, and a task version
    /// is never deleted), and the job checks them again when it is made. So the tasks already loaded are answered
    /// from memory with the status last seen, and a cache hit asks no task.
    /// </summary>
    public Task<IReadOnlyDictionary<string, PipelineTask>> ResolvePinnedAsync(PipelineGraph graph) => ResolveAsync(graph, freshStatus: false);

    private Task<IReadOnlyDictionary<string, PipelineTask>> ResolveAsync(PipelineGraph graph, bool freshStatus) =>
        CallerContext.Current is { } caller && !caller.CanAccessOrg(orgId)
            ? PlatformCalls.InOrgAsync(orgId, () => ResolveInOrgAsync(graph, freshStatus))
            : ResolveInOrgAsync(graph, freshStatus);

    private async Task<IReadOnlyDictionary<string, PipelineTask>> ResolveInOrgAsync(PipelineGraph graph, bool freshStatus)
    {
        // The versions are asked at once, not one after another: a run of a known pipeline waits for one round trip.
        var found = await Task.WhenAll(graph.Nodes.Select(node => (node.TaskName, node.TaskVersion)).Distinct()
            .Where(task => TaskDefinitionKey.IsValidName(task.TaskName) && TaskDefinitionKey.IsValidVersion(task.TaskVersion))
            .Select(task => ResolveOneAsync(task.TaskName, task.TaskVersion, freshStatus)));
        return found.OfType<PipelineTask>().ToDictionary(task => task.Key, StringComparer.Ordinal);
    }

    /// <returns>The task version, or null when it does not exist or its document no longer loads.</returns>
    private async Task<PipelineTask?> ResolveOneAsync(string name, string version, bool freshStatus)
    {
        var key = PipelineTask.KeyOf(name, version);
        if (!freshStatus && loaded.TryGetValue(key, out var pinned))
        {
            return new PipelineTask(name, version, pinned.Status, pinned.Contract, pinned.Hash, pinned.Category);
        }

        var definition = grains.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(orgId, name, version));
        TaskDefinitionStatus status;
        (TaskContract Contract, string Hash, string Category, TaskDefinitionStatus Status) known;
        try
        {
            if (loaded.TryGetValue(key, out known))
            {
                // Known and immutable: only its status may have moved on (deprecated), and that is cheap to ask.
                status = (await definition.PlanRunAsync([])).Status;
                loaded[key] = known with { Status = status };
            }
            else
            {
                var view = await definition.GetAsync();
                status = view.Status;
                var contract = TaskDocumentLoader.Load(view.Document.Json, view.OperationId).Contract;
                if (contract is null)
                {
                    return null;
                }

                known = (contract, TaskDefinitionHash.Compute(view.Document.Json, view.Deployment), view.Category, status);
                if (status != TaskDefinitionStatus.Draft)
                {
                    loaded[key] = known;
                }
            }
        }
        catch (MolDashException e) when (e.Kind == ErrorKind.NotFound)
        {
            return null;
        }

        return new PipelineTask(name, version, status, known.Contract, known.Hash, known.Category);
    }
}
