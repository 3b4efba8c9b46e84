using MolDash.GrainInterfaces.Cache;

namespace MolDash.Grains.Cache;

/// <summary>The org's cache entries as rows in its results database: what listings, bulk invalidation and the sweeper read.</summary>
public interface ICacheRecords
{
    Task UpsertAsync(Guid orgId, CacheEntryView entry, CancellationToken cancellationToken);

    Task DeleteAsync(Guid orgId, string signature, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<CacheEntryPage> ListAsync(Guid orgId, CacheQuery query, string? after, int limit, CancellationToken cancellationToken);

    /// <summary>Signatures of the entries a bulk invalidation reaches (null name: all of the org's).</summary>
    Task<IReadOnlyList<string>> SignaturesAsync(Guid orgId, string? pipelineName, string? pipelineVersion, CancellationToken cancellationToken);

    /// <summary>Signatures of unpinned entries whose expiry has passed.</summary>
    Task<IReadOnlyList<string>> ExpiredAsync(Guid orgId, DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
