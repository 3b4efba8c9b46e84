namespace MolDash.GrainInterfaces.Jobs;

/// <summary>One entry of a job's timeline; <see cref="Seq"/> counts from 1 without gaps.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.JobEvent")]
public sealed record JobEvent
{
    [Id(0)] public required Guid JobId { get; init; }
    [Id(1)] public required long Seq { get; init; }
    [Id(2)] public required DateTimeOffset At { get; init; }
    /// <summary>One of <see cref="JobEventKinds"/>.</summary>
    [Id(3)] public required string Kind { get; init; }
    [Id(4)] public string? NodeId { get; init; }
    [Id(5)] public required string Message { get; init; }
    /// <summary>The job's status after this event, so a subscriber never has to re-read the job.</summary>
    [Id(6)] public required JobStatus JobStatus { get; init; }
    [Id(7)] public NodeStatus? NodeStatus { get; init; }
    [Id(8)] public required JobProgress Progress { get; init; }
}
