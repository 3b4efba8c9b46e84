using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.GrainInterfaces.Schedules;

/// <summary>
/// What a schedule runs and when: a published pipeline version with fixed inputs, on a cron expression in an
/// IANA time zone or every <see cref="Interval"/> (exactly one of the two).
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.ScheduleDefinition")]
public sealed record ScheduleDefinition
{
    [Id(0)] public required string PipelineName { get; init; }
    [Id(1)] public required string PipelineVersion { get; init; }
    /// <summary>The org that owns the pipeline when it is another org's public one; null for the schedule's own org.</summary>
    [Id(2)] public Guid? PipelineOrgId { get; init; }
    /// <summary>The pipeline's inputs by name (a JSON object), the same at every firing.</summary>
    [Id(3)] public string InputsJson { get; init; } = "{}";
    [Id(4)] public RunPriority Priority { get; init; } = RunPriority.Normal;
    /// <summary>Five fields (minute hour day month weekday), or six with seconds first.</summary>
    [Id(5)] public string? Cron { get; init; }
    /// <summary>The IANA time zone the cron expression is read in ("Europe/Paris"); UTC when not given.</summary>
    [Id(6)] public string? TimeZone { get; init; }
    [Id(7)] public TimeSpan? Interval { get; init; }
}
