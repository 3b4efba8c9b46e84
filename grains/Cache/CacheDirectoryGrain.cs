using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Cache;
using MolDash.Grains.Access;
using MolDash.Grains.Persistence;
using Orleans.Concurrency;

namespace MolDash.Grains.Cache;

[StatelessWorker]
[GrainType("moldash-cache-directory")]
public sealed class CacheDirectoryGrain(ICacheRecords records) : Grain, ICacheDirectoryGrain, IOrgOwned
{
    public const int MaxPageSize = 200;

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public Task<CacheEntryPage> ListAsync(CacheQuery query, string? after, int limit)
    {
        PermissionGuard.Require(MolDashPermissions.CacheManage, "see the cache");
        PageSize.Validate(limit, MaxPageSize);
        return records.ListAsync(OwnerOrgId, query, after, limit, CancellationToken.None);
    }

    public async Task<int> InvalidateAsync(string? pipelineName, string? pipelineVersion)
    {
        PermissionGuard.Require(MolDashPermissions.CacheManage, "invalidate cache entries");
        var signatures = await records.SignaturesAsync(OwnerOrgId, pipelineName, pipelineVersion, CancellationToken.None);
        foreach (var signature in signatures)
        {
            await GrainFactory.GetGrain<ICacheEntryGrain>(CacheKey.Format(OwnerOrgId, signature)).InvalidateAsync();
        }

        return signatures.Count;
    }
}
