namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>
/// The pipelines a member of an org may see (keyed by org id): the org's own (private ones and drafts only to
/// those who edit or publish pipelines, published ones to everyone else) and every org's public ones, by name, a page at a time.
/// </summary>
[Alias("MolDash.IPipelineCatalogGrain")]
public interface IPipelineCatalogGrain : IGrainWithGuidKey
{
    [Alias("List")]
    Task<PipelineSummaryPage> ListAsync(PipelineQuery query, string? after, int limit);
}
