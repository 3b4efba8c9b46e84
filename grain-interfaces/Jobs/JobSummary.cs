using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.GrainInterfaces.Jobs;

/// <summary>A row of the org's job listing, read from its results database.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.JobSummary")]
public sealed record JobSummary
{
    [Id(0)] public required Guid JobId { get; init; }
    [Id(1)] public required JobKind Kind { get; init; }
    [Id(2)] public required string Target { get; init; }
    [Id(3)] public required JobStatus Status { get; init; }
    [Id(4)] public required RunPriority Priority { get; init; }
    [Id(5)] public required Guid SubmittedBy { get; init; }
    [Id(6)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(7)] public DateTimeOffset? StartedAt { get; init; }
    [Id(8)] public DateTimeOffset? FinishedAt { get; init; }
    [Id(9)] public required JobProgress Progress { get; init; }
    [Id(10)] public string? Error { get; init; }
    /// <summary>The sequence number of the latest event this row reflects, so an older write never overwrites a newer one.</summary>
    [Id(11)] public long LastEventSeq { get; init; }
    /// <summary>Where the finished job's log is kept (as <see cref="JobView.LogsUri"/>); null until it is.</summary>
    [Id(12)] public string? LogsUri { get; init; }
}
