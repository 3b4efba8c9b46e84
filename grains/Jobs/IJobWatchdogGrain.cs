using Orleans.Concurrency;

namespace MolDash.Grains.Jobs;

/// <summary>
/// Keeps, durably, the ids of one shard of an org's unfinished jobs, and checks each of them on a reminder
/// tick (keyed by <see cref="JobWatchdogKey"/>). After a silo dies this is what brings its jobs back: one
/// reminder per shard instead of one per job, and watching a job costs a share of one batched write.
/// Platform-internal: only job grains call it.
/// </summary>
[Alias("MolDash.IJobWatchdogGrain")]
public interface IJobWatchdogGrain : IGrainWithStringKey
{
    /// <summary>Returns once the job is durably watched: a job is accepted only after this.</summary>
    [Alias("Watch")]
    Task WatchAsync(Guid jobId);

    /// <summary>The job has settled; it is dropped from the list with the next write (a lost call only costs one more check).</summary>
    [Alias("Forget")]
    [OneWay]
    Task ForgetAsync(Guid jobId);
}
