using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Grains.Tasks;

/// <summary>The metadata database's task rows: the query model behind listing and search.</summary>
public interface ITaskCatalog
{
    /// <summary>Inserts or replaces the row for (org, name, version); repeating it is harmless.</summary>
    Task UpsertAsync(Guid orgId, TaskSummary summary);

    /// <summary>Removes the row; only a rolled-back import removes task versions.</summary>
    Task DeleteAsync(Guid orgId, string name, string version);

    Task<TaskSummaryPage> ListAsync(Guid orgId, TaskQuery query, TaskCursor? after, int limit);
}
