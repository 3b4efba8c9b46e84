namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>What one pipeline version runs: a DAG of pinned task versions, its data flow and its inputs.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.PipelineGraph")]
public sealed record PipelineGraph
{
    [Id(0)] public IReadOnlyList<PipelineNode> Nodes { get; init; } = [];
    [Id(1)] public IReadOnlyList<PipelineEdge> Edges { get; init; } = [];
    [Id(2)] public IReadOnlyList<PipelineInput> Inputs { get; init; } = [];
}
