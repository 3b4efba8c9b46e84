using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MolDash.Docking.Hosting;
using MolDash.Docking.Processes;
using MolDash.Docking.Scheduling;
using MolDash.Docking.Telemetry;

namespace MolDash.Docking.Jobs;

/// <summary>Starts runs in the background and remembers them (for polling) until the retention time has passed.</summary>
public sealed class JobStore(
    IOptions<DockingOptions> options,
    TimeProvider time,
    ProblemFactory problems,
    DockingMetrics metrics,
    ILogger<JobStore> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly TimeSpan _retention = TimeSpan.FromMinutes(options.Value.RetentionMinutes);
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(10);

    private readonly string _workDirectory = options.Value.WorkDirectory;

    public Job? Find(string id) => _jobs.TryGetValue(id, out var job) ? job : null;

    public Job Start(string operation, SlotAdmission? admission, Func<TaskRunContext, Task<object>> work)
    {
        Prune();
        var job = new Job(operation, time.GetUtcNow());
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, admission, work));
        return job;
    }

    /// <summary>On shutdown: cancel every run and wait (briefly) until its processes are killed and its files deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        var running = _jobs.Values.Where(j => !j.IsFinished).ToList();
        foreach (var job in running)
        {
            await job.Cancellation.CancelAsync();
        }

        try
        {
            await Task.WhenAll(running.Select(j => j.Completion)).WaitAsync(ShutdownGrace, time);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("{Count} runs did not stop within {GraceSeconds} s of shutdown", running.Count(j => !j.IsFinished), ShutdownGrace.TotalSeconds);
        }
    }

    private async Task RunAsync(Job job, SlotAdmission? admission, Func<TaskRunContext, Task<object>> work)
    {
        var started = time.GetTimestamp();
        JobState state;
        TaskOutcome outcome;
        try
        {
            using (admission)
            using (var scratch = ScratchDirectory.Create(_workDirectory))
            {
                var body = await work(new TaskRunContext(job, scratch, admission, job.Cancellation.Token));
                (state, outcome) = (JobState.Succeeded, new TaskOutcome(StatusCodes.Status200OK, body));
            }
        }
        catch (OperationCanceledException) when (job.Cancellation.IsCancellationRequested)
        {
            (state, outcome) = (JobState.Cancelled, problems.Cancelled(job.Id));
        }
        catch (Exception e)
        {
            (state, outcome) = (JobState.Failed, problems.FromException(e));
        }

        var elapsed = time.GetElapsedTime(started);
        metrics.RunFinished(job.Operation, state.ToString().ToLowerInvariant(), elapsed);
        logger.LogInformation("Job {JobRunId} {Operation} finished {State} with {StatusCode} in {ElapsedMs:F0} ms",
            job.Id, job.Operation, state, outcome.StatusCode, elapsed.TotalMilliseconds);
        job.Finish(state, outcome, time.GetUtcNow());
    }

    private void Prune()
    {
        var horizon = time.GetUtcNow() - _retention;
        foreach (var (id, job) in _jobs)
        {
            if (job.CompletedAt < horizon && _jobs.TryRemove(id, out _))
            {
                job.Dispose();
            }
        }
    }
}
