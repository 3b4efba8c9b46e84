namespace MolDash.Grains.Schedules;

public sealed class ScheduleOptions
{
    public const string Section = "Schedules";

    /// <summary>
    /// How often an active schedule's reminder ticks to see whether an occurrence is due (never less than the
    /// silo's minimum reminder period): a firing happens at most this long after its time.
    /// </summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The shortest interval, or gap between cron occurrences, a schedule may have.</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many of the latest firings a schedule shows.</summary>
    public int HistorySize { get; set; } = 20;

    public int MaxPerOrg { get; set; } = 500;
}
