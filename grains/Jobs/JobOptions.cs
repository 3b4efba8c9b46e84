namespace MolDash.Grains.Jobs;

public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>How often a job that is not finished checks on itself: re-dispatches runs it has not heard from, records what is unrecorded.</summary>
    public TimeSpan WatchdogPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many of one job's nodes are handed to task services at a time (a batch's other items wait in the job).</summary>
    public int MaxParallelNodes { get; set; } = 32;

    public int MaxNodes { get; set; } = 10_000;

    /// <summary>How many watchdog grains share an org's unfinished jobs (each keeps one reminder and batches its writes).</summary>
    public int WatchdogShards { get; set; } = 8;

    /// <summary>
    /// How long progress that nothing acts on (a run started, an attempt failed and retried) may wait to be written
    /// and published: a short run's end carries it in the same write, a long run's is written after this delay.
    /// </summary>
    public TimeSpan ProgressWriteDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}
