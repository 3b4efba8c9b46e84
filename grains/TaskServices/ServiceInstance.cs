using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.Grains.TaskServices;

/// <summary>One running copy of a task service, as the task-service grain tracks it.</summary>
public sealed class ServiceInstance(Uri address)
{
    public Uri Address { get; } = address;

    /// <summary>New instances take runs until a probe says otherwise.</summary>
    public bool Healthy { get; set; } = true;

    public DateTimeOffset? LastCheck { get; set; }

    public string? LastError { get; set; }

    public int Outstanding { get; set; }

    public long Errors { get; set; }

    public int ConsecutiveFailures { get; private set; }

    /// <summary>Set while the circuit is open or half-open: until then no runs, after it one trial run.</summary>
    public DateTimeOffset? OpenUntil { get; private set; }

    private bool trialInFlight;

    public CircuitState Circuit(DateTimeOffset now) =>
        OpenUntil is not { } until ? CircuitState.Closed : now < until ? CircuitState.Open : CircuitState.HalfOpen;

    /// <summary>Whether a run may start here now: healthy, below the limit, and a closed circuit (or a half-open one with no trial running).</summary>
    public bool CanTake(DateTimeOffset now, int maxConcurrency) =>
        Healthy && Outstanding < maxConcurrency && Circuit(now) switch
        {
            CircuitState.Closed => true,
            CircuitState.HalfOpen => !trialInFlight,
            _ => false,
        };

    public void Take(DateTimeOffset now)
    {
        Outstanding++;
        if (Circuit(now) == CircuitState.HalfOpen)
        {
            trialInFlight = true;
        }
    }

    /// <summary>
    /// Feeds the breaker a run's end: a failure of the service (5xx, refused or dropped connection,
    /// timeout, malformed answer) counts; any other answer closes the circuit. A failed trial opens it
    /// again at once, as does the <paramref name="threshold"/>-th failure in a row.
    /// </summary>
    public void RecordOutcome(bool serviceFailed, DateTimeOffset now, int threshold, TimeSpan coolDown)
    {
        var wasTrial = trialInFlight;
        trialInFlight = false;
        if (!serviceFailed)
        {
            ConsecutiveFailures = 0;
            OpenUntil = null;
            return;
        }

        ConsecutiveFailures++;
        if (wasTrial || ConsecutiveFailures >= threshold)
        {
            OpenUntil = now + coolDown;
        }
    }

    /// <summary>Frees the slot a run held; <paramref name="error"/> is why it failed, if it did.</summary>
    public void EndRun(string? error)
    {
        Outstanding = Math.Max(0, Outstanding - 1);
        if (error is not null)
        {
            Errors++;
            LastError = error;
        }
    }
}
