namespace MolDash.GrainInterfaces.Pipelines;

[GenerateSerializer, Immutable, Alias("MolDash.PipelineVersionSummary")]
public sealed record PipelineVersionSummary(
    [property: Id(0)] string Version,
    [property: Id(1)] PipelineVersionStatus Status,
    [property: Id(2)] int Nodes,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? PublishedAt);
