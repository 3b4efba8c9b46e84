using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// Looks up the task versions a graph pins, loading each document once: a published version's document
/// never changes, so it is kept for the activation (its status is read again each time, as it may be deprecated).
/// </summary>
public sealed class PipelineTasks(IGrainFactory grains, Guid orgId)
{
    private readonly Dictionary<string, (TaskContract Contract, string Hash)> loaded = new(StringComparer.Ordinal);

    /// <summary>The task versions of the graph that exist, keyed "name@version"; missing ones are left out.</summary>
    public async Task<IReadOnlyDictionary<string, PipelineTask>> ResolveAsync(PipelineGraph graph)
    {
        var tasks = new Dictionary<string, PipelineTask>(StringComparer.Ordinal);
        foreach (var (name, version) in graph.Nodes.Select(node => (node.TaskName, node.TaskVersion)).Distinct())
        {
            if (!TaskDefinitionKey.IsValidName(name) || !TaskDefinitionKey.IsValidVersion(version))
            {
                continue;
            }

            TaskDefinitionView definition;
            try
            {
                definition = await grains.GetGrain<ITaskDefinitionGrain>(TaskDefinitionKey.Format(orgId, name, version)).GetAsync();
            }
            catch (MolDashException e) when (e.Kind == ErrorKind.NotFound)
            {
                continue;
            }

            var key = PipelineTask.KeyOf(name, version);
            if (!loaded.TryGetValue(key, out var known) || definition.Status == TaskDefinitionStatus.Draft)
            {
                var contract = TaskDocumentLoader.Load(definition.Document.Json, definition.OperationId).Contract;
                if (contract is null)
                {
                    continue;
                }

                known = (contract, TaskDefinitionHash.Compute(definition.Document.Json, definition.Deployment));
                if (definition.Status != TaskDefinitionStatus.Draft)
                {
                    loaded[key] = known;
                }
            }

            tasks[key] = new PipelineTask(name, version, definition.Status, known.Contract, known.Hash);
        }

        return tasks;
    }
}
