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
    private readonly Dictionary<string, (TaskContract Contract, string Hash)> loaded = new(StringComparer.Ordinal);

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
        var tasks = new Dictionary<string, PipelineTask>(StringComparer.Ordinal);
        foreach (var (name, version) in graph.Nodes.Select(node => (node.TaskName, node.TaskVersion)).Distinct())
        {
            if (!TaskDefinitionKey.IsValidName(name) || !TaskDefinitionKey.IsValidVersion(version))
            {
                continue;
            }

            var key = PipelineTask.KeyOf(name, version);
            var definition = grains.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(orgId, name, version));
            TaskDefinitionStatus status;
            (TaskContract Contract, string Hash) known;
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
                        continue;
                    }

                    known = (contract, TaskDefinitionHash.Compute(view.Document.Json, view.Deployment));
                    if (status != TaskDefinitionStatus.Draft)
                    {
                        loaded[key] = known;
                    }
                }
            }
            catch (MolDashException e) when (e.Kind == ErrorKind.NotFound)
            {
                continue;
            }

            tasks[key] = new PipelineTask(name, version, status, known.Contract, known.Hash);
        }

        return tasks;
    }
}
