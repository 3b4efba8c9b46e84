using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Access;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// Looks up the task versions a graph pins, loading each document once: a published version's document
/// never changes, so it is kept for the activation (its status is read again each time, as it may be deprecated).
/// </summary>
public sealed class PipelineTasks(IGrainFactory grains, Guid orgId)
{
    private readonly Dictionary<string, (TaskContract Contract, string Hash, string Category)> loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// The task versions of the graph that exist, keyed "name@version"; missing ones are left out. A member of
    /// another org using a public pipeline reads them through the platform: the pipeline lends its tasks.
    /// </summary>
    public Task<IReadOnlyDictionary<string, PipelineTask>> ResolveAsync(PipelineGraph graph) =>
        CallerContext.Current is { } caller && !caller.CanAccessOrg(orgId)
            ? PlatformCalls.InOrgAsync(orgId, () => ResolveInOrgAsync(graph))
            : ResolveInOrgAsync(graph);

    private async Task<IReadOnlyDictionary<string, PipelineTask>> ResolveInOrgAsync(PipelineGraph graph)
    {
        // The versions are asked at once, not one after another: a run of a known pipeline waits for one round trip.
        var found = await Task.WhenAll(graph.Nodes.Select(node => (node.TaskName, node.TaskVersion)).Distinct()
            .Where(task => TaskDefinitionKey.IsValidName(task.TaskName) && TaskDefinitionKey.IsValidVersion(task.TaskVersion))
            .Select(task => ResolveOneAsync(task.TaskName, task.TaskVersion)));
        return found.OfType<PipelineTask>().ToDictionary(task => task.Key, StringComparer.Ordinal);
    }

    /// <returns>The task version, or null when it does not exist or its document no longer loads.</returns>
    private async Task<PipelineTask?> ResolveOneAsync(string name, string version)
    {
        var key = PipelineTask.KeyOf(name, version);
        var definition = grains.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(orgId, name, version));
        TaskDefinitionStatus status;
        (TaskContract Contract, string Hash, string Category) known;
        try
        {
            if (loaded.TryGetValue(key, out known))
            {
                // Known and immutable: only its status may have moved on (deprecated), and that is cheap to ask.
                status = (await definition.PlanRunAsync([])).Status;
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

                known = (contract, TaskDefinitionHash.Compute(view.Document.Json, view.Deployment), view.Category);
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
