using MolDash.GrainInterfaces.Pipelines;

namespace MolDash.Grains.Pipelines;

/// <summary>The pipeline catalog's rows in the metadata database.</summary>
public interface IPipelineCatalog
{
    Task UpsertAsync(PipelineSummary pipeline, CancellationToken cancellationToken);

    /// <summary>Adds runs to the pipeline's statistics.</summary>
    Task RecordRunsAsync(Guid orgId, string name, PipelineRunStatistics runs, CancellationToken cancellationToken);

    /// <param name="viewerOrgId">The org whose member is looking.</param>
    /// <param name="includePrivate">Whether the viewer may see the org's private pipelines (Admins).</param>
    Task<PipelineSummaryPage> ListAsync(Guid viewerOrgId, bool includePrivate, PipelineQuery query, string? after, int limit, CancellationToken cancellationToken);
}
