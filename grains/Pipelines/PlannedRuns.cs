using System.Diagnostics.CodeAnalysis;
using MolDash.GrainInterfaces.Pipelines;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// The runs a pipeline activation planned lately, by published graph, running org and inputs as sent. A plan and its
/// signature follow from those alone: a published graph never changes, nor do the task versions it pins or the content
/// of an artifact. So a repeated submission (every cache hit) is not planned again. Bounded: the oldest plans go
/// first, and inputs longer than <see cref="MaxInputsLength"/> (inline molecule files) are not kept.
/// </summary>
public sealed class PlannedRuns(int capacity)
{
    public const int MaxInputsLength = 4096;

    private readonly Dictionary<Key, PlannedRun> runs = [];
    private readonly Queue<Key> order = new();

    public bool TryGet(PipelineGraph published, Guid runningOrgId, string inputsJson, [NotNullWhen(true)] out PlannedRun? run) =>
        runs.TryGetValue(new Key(published, runningOrgId, inputsJson), out run);

    public void Add(PipelineGraph published, Guid runningOrgId, string inputsJson, PlannedRun run)
    {
        var key = new Key(published, runningOrgId, inputsJson);
        if (inputsJson.Length > MaxInputsLength || !runs.TryAdd(key, run))
        {
            return;
        }

        order.Enqueue(key);
        if (order.Count > capacity)
        {
            runs.Remove(order.Dequeue());
        }
    }

    /// <summary>The graph by reference: a version's published graph is one object for the activation's life.</summary>
    private readonly record struct Key(PipelineGraph Graph, Guid RunningOrgId, string InputsJson)
    {
        public bool Equals(Key other) =>
            ReferenceEquals(Graph, other.Graph) && RunningOrgId == other.RunningOrgId && string.Equals(InputsJson, other.InputsJson, StringComparison.Ordinal);

        public override int GetHashCode() =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Graph), RunningOrgId, StringComparer.Ordinal.GetHashCode(InputsJson));
    }
}
