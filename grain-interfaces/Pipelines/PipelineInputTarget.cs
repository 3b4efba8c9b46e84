namespace MolDash.GrainInterfaces.Pipelines;

[GenerateSerializer, Immutable, Alias("MolDash.PipelineInputTarget")]
public sealed record PipelineInputTarget(
    [property: Id(0)] string NodeId,
    [property: Id(1)] string Pointer);
