namespace MolDash.GrainInterfaces.Pipelines;

[GenerateSerializer, Immutable, Alias("MolDash.PipelineSummaryPage")]
public sealed record PipelineSummaryPage(
    [property: Id(0)] IReadOnlyList<PipelineSummary> Items,
    [property: Id(1)] string? NextCursor);
