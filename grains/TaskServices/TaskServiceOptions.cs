namespace MolDash.Grains.TaskServices;

public sealed class TaskServiceOptions
{
    public const string Section = "TaskServices";

    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public int MaxConcurrencyPerInstance { get; set; } = 8;

    /// <summary>How long a run waits for a healthy instance with a free slot before it fails.</summary>
    public TimeSpan QueueWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first retry's delay; each further retry doubles it.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one poll of a 202's Location may wait for the run to finish (Prefer: wait).</summary>
    public TimeSpan PollWait { get; set; } = TimeSpan.FromSeconds(10);
}
