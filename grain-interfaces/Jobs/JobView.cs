using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.GrainInterfaces.Jobs;

/// <summary>A job as it stands: the snapshot a live subscriber starts from (later events have higher sequence numbers).</summary>
[GenerateSerializer, Immutable, Alias("MolDash.JobView")]
public sealed record JobView
{
    [Id(0)] public required Guid JobId { get; init; }
    [Id(1)] public required Guid OrgId { get; init; }
    [Id(2)] public required JobKind Kind { get; init; }
    [Id(3)] public required string Target { get; init; }
    [Id(4)] public required JobStatus Status { get; init; }
    [Id(5)] public required RunPriority Priority { get; init; }
    [Id(6)] public required Guid SubmittedBy { get; init; }
    [Id(7)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public DateTimeOffset? StartedAt { get; init; }
    [Id(9)] public DateTimeOffset? FinishedAt { get; init; }
    [Id(10)] public string? Error { get; init; }
    [Id(11)] public required JobProgress Progress { get; init; }
    [Id(12)] public required IReadOnlyList<NodeView> Nodes { get; init; }
    /// <summary>The sequence number of the job's latest event.</summary>
    [Id(13)] public required long LastEventSeq { get; init; }
    [Id(14)] public string? Signature { get; init; }
    /// <summary>The finished job's log in the org's blob container (read it at /jobs/{id}/logs); null while the job runs.</summary>
    [Id(15)] public string? LogsUri { get; init; }
    /// <summary>The lowest confidence of the job's succeeded nodes (0–1); null when any of them is unknown or none succeeded.</summary>
    [Id(16)] public double? Confidence { get; init; }
}
