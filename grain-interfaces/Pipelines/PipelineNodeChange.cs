namespace MolDash.GrainInterfaces.Pipelines;

[GenerateSerializer, Immutable, Alias("MolDash.PipelineNodeChange")]
public sealed record PipelineNodeChange(
    [property: Id(0)] string NodeId,
    [property: Id(1)] IReadOnlyList<string> Changes);
