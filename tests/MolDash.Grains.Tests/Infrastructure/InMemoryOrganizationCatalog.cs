using MolDash.Grains.Persistence;
using System.Collections.Concurrent;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.Grains.Organizations;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>The catalog's contract in memory, for grain logic tests; the PostgreSQL one is tested for real.</summary>
public sealed class InMemoryOrganizationCatalog : IOrganizationCatalog
{
    private readonly ConcurrentDictionary<Guid, OrganizationSummary> rows = new();
    private readonly ConcurrentDictionary<Guid, bool> deleted = new();
    private readonly ConcurrentDictionary<Guid, bool> failingActivations = new();
    private readonly Lock gate = new();

    public Task ReserveAsync(Guid id, string name, DateTimeOffset createdAt, Guid createdBy)
    {
        lock (gate)
        {
            if (rows.Values.Any(row => row.Id != id && string.Equals(row.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new MolDashException(ErrorKind.Conflict, $"An organization named '{name}' already exists.");
            }

            rows.TryAdd(id, new OrganizationSummary(id, name, OrganizationStatus.Provisioning, createdAt, createdBy));
        }

        return Task.CompletedTask;
    }

    /// <summary>Makes marking the org active fail once, as a database that went away at that instant would.</summary>
    public void FailActivationOnceOf(Guid id) => failingActivations[id] = true;

    public Task SetStatusAsync(Guid id, OrganizationStatus status)
    {
        if (status == OrganizationStatus.Active && failingActivations.TryRemove(id, out _))
        {
            throw new InvalidOperationException("the metadata database went away");
        }

        rows.AddOrUpdate(id, _ => throw new InvalidOperationException("no row"), (_, row) => row with { Status = status });
        return Task.CompletedTask;
    }

    public Task<OrganizationPage> ListAsync(KeysetCursor? after, int limit)
    {
        var ordered = rows.Values.OrderBy(row => row.CreatedAt).ThenBy(row => row.Id)
            .Where(row => after is null || (row.CreatedAt, row.Id).CompareTo((after.CreatedAt, after.Id)) > 0)
            .Take(limit + 1).ToList();
        var next = ordered.Count > limit ? new KeysetCursor(ordered[limit - 1].CreatedAt, ordered[limit - 1].Id).Encode() : null;
        return Task.FromResult(new OrganizationPage([.. ordered.Take(limit)], next));
    }

    public Task<bool> IsGoneAsync(Guid id) =>
        Task.FromResult(deleted.ContainsKey(id) || StatusOf(id) == OrganizationStatus.Deleting);

    /// <summary>What erasing the org's catalog rows does: the row goes, the org is remembered as deleted.</summary>
    public void Delete(Guid id)
    {
        deleted[id] = true;
        rows.TryRemove(id, out _);
    }

    public OrganizationStatus? StatusOf(Guid id) => rows.TryGetValue(id, out var row) ? row.Status : null;
}
