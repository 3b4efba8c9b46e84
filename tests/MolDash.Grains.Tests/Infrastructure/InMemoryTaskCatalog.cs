using System.Collections.Concurrent;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Tasks;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>The task catalog's contract in memory, for grain logic tests; the PostgreSQL one runs in the integration tests.</summary>
public sealed class InMemoryTaskCatalog : ITaskCatalog
{
    private readonly ConcurrentDictionary<(Guid OrgId, string Name, string Version), TaskSummary> rows = new();

    public Task UpsertAsync(Guid orgId, TaskSummary summary)
    {
        rows[(orgId, summary.Name, summary.Version)] = summary;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(Guid orgId, string name, string version)
    {
        rows.TryRemove((orgId, name, version), out _);
        return Task.CompletedTask;
    }

    public Task<TaskSummaryPage> ListAsync(Guid orgId, TaskQuery query, TaskCursor? after, int limit)
    {
        var matching = rows.Where(row => row.Key.OrgId == orgId).Select(row => row.Value)
            .Where(row => query.Name is null || row.Name == query.Name)
            .Where(row => query.Category is null || row.Category == query.Category)
            .Where(row => query.Tag is null || row.Tags.Contains(query.Tag))
            .Where(row => query.Status is null || row.Status == query.Status)
            .Where(row => query.Search is null || row.Name.Contains(query.Search, StringComparison.OrdinalIgnoreCase) || row.Description.Contains(query.Search, StringComparison.OrdinalIgnoreCase))
            .OrderBy(row => row.Name, StringComparer.Ordinal).ThenBy(row => row.Version, StringComparer.Ordinal)
            .Where(row => after is null || string.CompareOrdinal(row.Name, after.Name) > 0 || (row.Name == after.Name && string.CompareOrdinal(row.Version, after.Version) > 0))
            .Take(limit + 1).ToList();
        var next = matching.Count > limit ? new TaskCursor(matching[limit - 1].Name, matching[limit - 1].Version).Encode() : null;
        return Task.FromResult(new TaskSummaryPage([.. matching.Take(limit)], next));
    }

    public TaskSummary? Row(Guid orgId, string name, string version) => rows.GetValueOrDefault((orgId, name, version));
}
