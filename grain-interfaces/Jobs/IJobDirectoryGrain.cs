namespace MolDash.GrainInterfaces.Jobs;

/// <summary>An org's job listing (keyed by org id), answered from the org's results database.</summary>
[Alias("MolDash.IJobDirectoryGrain")]
public interface IJobDirectoryGrain : IGrainWithGuidKey
{
    /// <param name="after">The cursor from the previous page, or null for the first page.</param>
    [Alias("List")]
    Task<JobSummaryPage> ListAsync(JobQuery query, string? after, int limit);
}
