namespace MolDash.Grains.TaskServices;

public sealed class TaskServiceOptions
{
    public const string Section = "TaskServices";

    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public int MaxConcurrencyPerInstance { get; set; } = 8;

    /// <summary>How long a run waits while no instance is healthy before it fails (waiting behind busy healthy instances has no limit).</summary>
    public TimeSpan QueueWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first retry's delay; each further retry doubles it.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one poll of a 202's Location may wait for the run to finish (Prefer: wait).</summary>
    public TimeSpan PollWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive failed runs after which an instance's circuit opens (it gets no runs for <see cref="BreakerCoolDown"/>).</summary>
    public int BreakerFailures { get; set; } = 5;

    /// <summary>How long an open circuit keeps runs away before one trial run may go through.</summary>
    public TimeSpan BreakerCoolDown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a finished dispatched run tries to tell its job before leaving it to the job's watchdog.</summary>
    public int ReportAttempts { get; set; } = 5;

    /// <summary>How long a grain stays active without calls after its latest dispatch, so background runs are not collected.</summary>
    public TimeSpan DispatchKeepAlive { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Instances from configuration, by task version: "&lt;org id&gt;/&lt;name&gt;/&lt;version&gt;" → base addresses.
    /// The grain adds them when it activates, beside the registered ones; they are not persisted and cannot be removed through the API.
    /// </summary>
    public Dictionary<string, List<string>> Instances { get; } = [];

    /// <summary>
    /// The networks (CIDR, separated by commas) a service may register itself in with its service key; every
    /// address its host resolves to must be inside one. Empty (the default): self-registration is refused.
    /// </summary>
    public string SelfRegistrationNetworks { get; set; } = "";

    /// <summary>How long a self-registered instance stays without registering again; services renew at a third of it.</summary>
    public TimeSpan SelfRegistrationLease { get; set; } = TimeSpan.FromSeconds(30);
}
