namespace MolDash.GrainInterfaces.Tasks;

/// <summary>An org's task listing (keyed by org id), answered from the metadata database.</summary>
[Alias("MolDash.ITaskCatalogGrain")]
public interface ITaskCatalogGrain : IGrainWithGuidKey
{
    /// <param name="after">The cursor from the previous page, or null for the first page.</param>
    [Alias("List")]
    Task<TaskSummaryPage> ListAsync(TaskQuery query, string? after, int limit);
}
