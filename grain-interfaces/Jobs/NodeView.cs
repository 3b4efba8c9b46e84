namespace MolDash.GrainInterfaces.Jobs;

[GenerateSerializer, Immutable, Alias("MolDash.NodeView")]
public sealed record NodeView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string TaskName { get; init; }
    [Id(2)] public required string TaskVersion { get; init; }
    [Id(3)] public required NodeStatus Status { get; init; }
    [Id(4)] public int Attempts { get; init; }
    [Id(5)] public string? Instance { get; init; }
    [Id(6)] public string? Error { get; init; }
    [Id(7)] public DateTimeOffset? QueuedAt { get; init; }
    [Id(8)] public DateTimeOffset? StartedAt { get; init; }
    [Id(9)] public DateTimeOffset? FinishedAt { get; init; }
}
