namespace MolDash.Docking.Jobs;

/// <summary>One run of an operation, answered synchronously or polled at /jobs/{id}.</summary>
public sealed class Job : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Job(string operation, DateTimeOffset createdAt)
    {
        Operation = operation;
        CreatedAt = createdAt;
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public string Operation { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public JobState State { get; private set; } = JobState.Queued;

    public TaskOutcome? Outcome { get; private set; }

    public CancellationTokenSource Cancellation { get; } = new();

    public Task Completion => _done.Task;

    public bool IsFinished => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;

    /// <summary>Completes as soon as the state is no longer <paramref name="state"/>; for long polling.</summary>
    public async Task WhenStateIsNotAsync(JobState state, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var waiting = time.GetTimestamp();
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (State != state)
                {
                    return;
                }

                // Taken under the lock, so the next Signal completes exactly this task.
                changed = _changed.Task;
            }

            var remaining = timeout - time.GetElapsedTime(waiting);
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException();
            }

            await changed.WaitAsync(remaining, time, cancellationToken);
        }
    }

    public void MarkRunning()
    {
        lock (_gate)
        {
            if (State != JobState.Queued)
            {
                return;
            }

            State = JobState.Running;
            Signal();
        }
    }

    public void Finish(JobState state, TaskOutcome outcome, DateTimeOffset at)
    {
        lock (_gate)
        {
            State = state;
            Outcome = outcome;
            CompletedAt = at;
            Signal();
        }

        _done.TrySetResult();
    }

    public void Dispose() => Cancellation.Dispose();

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}
