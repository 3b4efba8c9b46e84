namespace MolDash.GrainInterfaces.Schedules;

[GenerateSerializer, Immutable, Alias("MolDash.ScheduleView")]
public sealed record ScheduleView
{
    [Id(0)] public required Guid ScheduleId { get; init; }
    [Id(1)] public required Guid OrgId { get; init; }
    [Id(2)] public required ScheduleDefinition Definition { get; init; }
    [Id(3)] public required ScheduleStatus Status { get; init; }
    /// <summary>The member the firings run as (their jobs are submitted by them).</summary>
    [Id(4)] public required Guid CreatedBy { get; init; }
    [Id(5)] public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The next occurrence; null while paused.</summary>
    [Id(6)] public DateTimeOffset? NextFireAt { get; init; }
    [Id(7)] public DateTimeOffset? LastFiredAt { get; init; }
    [Id(8)] public int Firings { get; init; }
    /// <summary>Occurrences missed while the platform was down and skipped, over the schedule's life.</summary>
    [Id(9)] public int Skipped { get; init; }
    /// <summary>The latest firings, newest first.</summary>
    [Id(10)] public IReadOnlyList<ScheduleFiring> History { get; init; } = [];
}
