namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>What changed from one version's graph to another's; nodes and inputs are matched by id and name, edges by all their fields.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.PipelineDiff")]
public sealed record PipelineDiff
{
    [Id(0)] public IReadOnlyList<string> NodesAdded { get; init; } = [];
    [Id(1)] public IReadOnlyList<string> NodesRemoved { get; init; } = [];
    /// <summary>Nodes in both, with what changed ("task version 1.0.0 → 1.1.0", "parameter /exhaustiveness: 8 → 16").</summary>
    [Id(2)] public IReadOnlyList<PipelineNodeChange> NodesChanged { get; init; } = [];
    [Id(3)] public IReadOnlyList<PipelineEdge> EdgesAdded { get; init; } = [];
    [Id(4)] public IReadOnlyList<PipelineEdge> EdgesRemoved { get; init; } = [];
    [Id(5)] public IReadOnlyList<string> InputsAdded { get; init; } = [];
    [Id(6)] public IReadOnlyList<string> InputsRemoved { get; init; } = [];
    [Id(7)] public IReadOnlyList<string> InputsChanged { get; init; } = [];
}
