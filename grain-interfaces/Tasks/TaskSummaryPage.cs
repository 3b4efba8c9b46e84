namespace MolDash.GrainInterfaces.Tasks;

[GenerateSerializer, Immutable, Alias("MolDash.TaskSummaryPage")]
public sealed record TaskSummaryPage(
    [property: Id(0)] IReadOnlyList<TaskSummary> Items,
    [property: Id(1)] string? NextCursor);
