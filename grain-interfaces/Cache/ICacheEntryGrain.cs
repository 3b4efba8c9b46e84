using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.Pipelines;
using Orleans.Concurrency;

namespace MolDash.GrainInterfaces.Cache;

/// <summary>
/// The cache entry of one input signature in one org (key <see cref="CacheKey"/>). It decides every
/// submission of that signature one at a time, so identical concurrent submissions make exactly one job.
/// </summary>
[Alias("MolDash.ICacheEntryGrain")]
public interface ICacheEntryGrain : IGrainWithStringKey
{
    [Alias("Submit")]
    Task<PipelineRunResult> SubmitAsync(CacheSubmission submission);

    [Alias("Get")]
    Task<CacheEntryView> GetAsync();

    /// <summary>The next identical submission runs again (cache.manage).</summary>
    [Alias("Invalidate")]
    Task<CacheEntryView> InvalidateAsync();

    /// <summary>A pinned entry never expires (cache.manage).</summary>
    [Alias("Pin")]
    Task<CacheEntryView> PinAsync(bool pinned);

    /// <summary>Sets how long after its job finished the entry stays reusable; null: until invalidated (cache.manage).</summary>
    [Alias("SetTtl")]
    Task<CacheEntryView> SetTtlAsync(TimeSpan? ttl);

    /// <summary>
    /// From the canonical job when it ends. One-way: the entry may itself be waiting on the job (a submission
    /// reads its status), so the job must not wait on the entry. A lost notice is made up at the next submission.
    /// </summary>
    [Alias("OnJobFinished")]
    [OneWay]
    Task OnJobFinishedAsync(Guid jobId, JobStatus status, double? confidence);

    /// <summary>From the org's cache sweeper: forgets the entry if it has expired (and is not pinned).</summary>
    [Alias("Expire")]
    Task<bool> ExpireAsync();
}
