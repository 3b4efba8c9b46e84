using MolDash.GrainInterfaces.Schedules;

namespace MolDash.Grains.Schedules;

[GenerateSerializer]
public sealed class ScheduleState
{
    [Id(0)] public ScheduleDefinition? Definition { get; set; }
    [Id(1)] public ScheduleStatus Status { get; set; }
    [Id(2)] public Guid CreatedBy { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The first occurrence not yet handled (fired or skipped); null while paused.</summary>
    [Id(4)] public DateTimeOffset? NextFireAt { get; set; }
    [Id(5)] public DateTimeOffset? LastFiredAt { get; set; }
    [Id(6)] public int Firings { get; set; }
    [Id(7)] public int Skipped { get; set; }
    /// <summary>Newest first, at most the configured history size.</summary>
    [Id(8)] public List<ScheduleFiring> History { get; set; } = [];

    public bool Exists => Definition is not null;
}
