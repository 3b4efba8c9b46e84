namespace MolDash.Grains.Persistence;

/// <summary>
/// A grain's write made a moment after the changes that call for it, once for all the changes in between: for what
/// no caller waits on (a hit count, run statistics, progress). The grain flushes it when its activation ends.
/// </summary>
public sealed class DelayedWrite(IGrainBase grain, Func<Task> write, TimeSpan delay)
{
    private IGrainTimer? timer;

    /// <summary>Asks for the write, <c>delay</c> from the first ask since the last write.</summary>
    public void Schedule() =>
        timer ??= grain.RegisterGrainTimer(_ => FlushAsync(), new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));

    /// <summary>Makes the write now, if one was asked for.</summary>
    public Task FlushAsync()
    {
        if (timer is null)
        {
            return Task.CompletedTask;
        }

        Cancel();
        return write();
    }

    /// <summary>Forgets the write asked for: another write has just covered it.</summary>
    public void Cancel()
    {
        timer?.Dispose();
        timer = null;
    }
}
