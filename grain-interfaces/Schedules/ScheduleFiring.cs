using MolDash.GrainInterfaces.Pipelines;

namespace MolDash.GrainInterfaces.Schedules;

/// <summary>One firing of a schedule: the occurrence it ran for, and the job it got (or why it got none).</summary>
[GenerateSerializer, Immutable, Alias("MolDash.ScheduleFiring")]
public sealed record ScheduleFiring
{
    /// <summary>The occurrence this firing ran for (the latest one that was due).</summary>
    [Id(0)] public required DateTimeOffset ScheduledFor { get; init; }
    [Id(1)] public required DateTimeOffset FiredAt { get; init; }
    [Id(2)] public Guid? JobId { get; init; }
    /// <summary>How the cache answered: a hit when the same inputs already had a result.</summary>
    [Id(3)] public CacheOutcome? Cache { get; init; }
    /// <summary>Occurrences before this one that were missed (the platform was down) and skipped.</summary>
    [Id(4)] public int Skipped { get; init; }
    [Id(5)] public string? Error { get; init; }
}
