using System.Collections.Concurrent;
using MolDash.Grains.Organizations;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>Records what deletion erased; the PostgreSQL eraser is tested through the API against the real database.</summary>
public sealed class InMemoryOrganizationEraser(InMemoryOrganizationCatalog catalog) : IOrganizationEraser
{
    public ConcurrentDictionary<Guid, int> SessionsRevoked { get; } = new();

    public ConcurrentDictionary<Guid, int> GrainStateErased { get; } = new();

    public ConcurrentDictionary<Guid, int> CatalogErased { get; } = new();

    public Task RevokeSessionsAsync(Guid orgId, DateTimeOffset now) => Count(SessionsRevoked, orgId);

    public Task EraseGrainStateAsync(Guid orgId) => Count(GrainStateErased, orgId);

    public Task EraseCatalogRowsAsync(Guid orgId, string name, DateTimeOffset deletedAt, Guid deletedBy)
    {
        catalog.Delete(orgId);
        return Count(CatalogErased, orgId);
    }

    private static Task Count(ConcurrentDictionary<Guid, int> counts, Guid orgId)
    {
        counts.AddOrUpdate(orgId, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }
}
