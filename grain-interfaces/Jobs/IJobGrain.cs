using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.GrainInterfaces.Jobs;

/// <summary>
/// One job, keyed by <see cref="JobKey"/>: it owns its graph's progress and walks it, dispatching ready
/// nodes to their task-service grains and advancing when they report back. Members of the job's org read
/// it; another org's caller is told it does not exist.
/// </summary>
[Alias("MolDash.IJobGrain")]
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Creates the job and starts it; submitting the same job again returns it unchanged.</summary>
    [Alias("Submit")]
    Task<JobView> SubmitAsync(JobSubmission submission);

    [Alias("Get")]
    Task<JobView> GetAsync();

    /// <summary>Stops the job: queued and running nodes are cancelled, pending ones skipped. A finished job is left as it is.</summary>
    [Alias("Cancel")]
    Task<JobView> CancelAsync();

    [Alias("GetEvents")]
    Task<JobEventPage> GetEventsAsync(long afterSeq, int limit);

    /// <summary>The job's log as text: its timeline so far, or the stored log of a finished job.</summary>
    [Alias("GetLog")]
    Task<string> GetLogAsync();

    [Alias("GetResults")]
    Task<NodeResultPage> GetResultsAsync(string? after, int limit);

    /// <summary>From the task service: an attempt of the run got an instance. Stale or repeated reports are ignored.</summary>
    [Alias("OnRunStarted")]
    Task OnRunStartedAsync(string nodeId, Guid runId, int attempt, string instance);

    /// <summary>From the task service: an attempt failed and the run will be tried again.</summary>
    [Alias("OnRunAttemptFailed")]
    Task OnRunAttemptFailedAsync(string nodeId, Guid runId, int attempt, string reason);

    /// <summary>From the task service: the run ended. Stale or repeated reports are ignored.</summary>
    [Alias("OnRunFinished")]
    Task OnRunFinishedAsync(string nodeId, Guid runId, TaskRunResult result);
}
