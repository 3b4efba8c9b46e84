namespace MolDash.Grains.Jobs;

/// <summary>
/// Counts an org's unfinished jobs against its MaxConcurrentJobs quota (keyed by org id). Platform-internal:
/// only job grains call it. Held in memory as leases: running jobs renew theirs on each watchdog tick, so
/// the count rebuilds itself after the activation is lost, and a slot whose release was lost lapses.
/// </summary>
[Alias("MolDash.IOrgJobSlotsGrain")]
public interface IOrgJobSlotsGrain : IGrainWithGuidKey
{
    /// <summary>Takes a slot for a new job, or refuses with a 429 that names the quota.</summary>
    [Alias("Acquire")]
    Task AcquireAsync(Guid jobId);

    /// <summary>Renews the slot of a job already running, whatever the count (it was admitted before).</summary>
    [Alias("Hold")]
    Task HoldAsync(Guid jobId);

    [Alias("Release")]
    Task ReleaseAsync(Guid jobId);
}
