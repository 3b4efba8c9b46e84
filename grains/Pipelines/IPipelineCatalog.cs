using MolDash.GrainInterfaces.Pipelines;

namespace MolDash.Grains.Pipelines;

/// <summary>The pipeline catalog's rows in the metadata database.</summary>
public interface IPipelineCatalog
{
    Task UpsertAsync(PipelineSummary pipeline, CancellationToken cancellationToken);

    Task RecordRunAsync(Guid orgId, string name, bool cacheHit, DateTimeOffset at, CancellationToken cancellationToken);

    /// <param name="viewerOrgId">The org whose member is looking.</param>
    /// <param name="includePrivate">Whether the viewer may see the org's private pipelines (Admins).</param>
    Task<PipelineSummaryPage> ListAsync(Guid viewerOrgId, bool includePrivate, PipelineQuery query, string? after, int limit, CancellationToken cancellationToken);
}
