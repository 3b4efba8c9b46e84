using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.Grains.Persistence;
using Orleans.Concurrency;

namespace MolDash.Grains.Pipelines;

[StatelessWorker]
[GrainType("moldash-pipeline-catalog")]
public sealed class PipelineCatalogGrain(IPipelineCatalog catalog) : Grain, IPipelineCatalogGrain, IOrgOwned
{
    public const int MaxPageSize = 200;

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public Task<PipelineSummaryPage> ListAsync(PipelineQuery query, string? after, int limit)
    {
        PageSize.Validate(limit, MaxPageSize);
        var admin = PipelineEditors.Include(CallerContext.Current!);
        // Everyone else sees what they can run: published versions only.
        var visible = admin ? query : query with { PublishedOnly = true };
        return catalog.ListAsync(OwnerOrgId, admin, visible, after, limit, CancellationToken.None);
    }
}
