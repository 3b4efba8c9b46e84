namespace MolDash.GrainInterfaces.Jobs;

[GenerateSerializer, Immutable, Alias("MolDash.JobSummaryPage")]
public sealed record JobSummaryPage(
    [property: Id(0)] IReadOnlyList<JobSummary> Items,
    [property: Id(1)] string? NextCursor);
