namespace MolDash.GrainInterfaces.Cache;

/// <summary>An org's cache entries (keyed by org id), listed and invalidated in bulk from its results database (cache.manage).</summary>
[Alias("MolDash.ICacheDirectoryGrain")]
public interface ICacheDirectoryGrain : IGrainWithGuidKey
{
    [Alias("List")]
    Task<CacheEntryPage> ListAsync(CacheQuery query, string? after, int limit);

    /// <summary>Invalidates every entry of a pipeline (or one of its versions), or with no name all of the org's; returns how many.</summary>
    [Alias("Invalidate")]
    Task<int> InvalidateAsync(string? pipelineName, string? pipelineVersion);
}
