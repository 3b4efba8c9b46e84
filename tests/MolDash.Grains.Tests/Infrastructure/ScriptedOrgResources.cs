using System.Collections.Concurrent;
using MolDash.Grains.Organizations;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>Org resources that succeed, or fail for the orgs a test names, recording what was made.</summary>
public sealed class ScriptedOrgResources : IOrgResources
{
    private readonly ConcurrentDictionary<Guid, string> failingDatabases = new();
    private readonly ConcurrentDictionary<Guid, string> failingContainerDeletions = new();

    public ConcurrentDictionary<Guid, int> DatabasesMade { get; } = new();

    public ConcurrentDictionary<Guid, int> ContainersMade { get; } = new();

    public ConcurrentDictionary<Guid, long> UnfinishedJobs { get; } = new();

    public ConcurrentDictionary<Guid, int> DatabasesDropped { get; } = new();

    public ConcurrentDictionary<Guid, int> ContainersDeleted { get; } = new();

    public void FailContainerDeletionOf(Guid orgId, string reason) => failingContainerDeletions[orgId] = reason;

    public void FailDatabaseOf(Guid orgId, string reason) => failingDatabases[orgId] = reason;

    public void Heal(Guid orgId)
    {
        failingDatabases.TryRemove(orgId, out _);
        failingContainerDeletions.TryRemove(orgId, out _);
    }

    public Task EnsureResultsDatabaseAsync(Guid orgId, CancellationToken cancellationToken)
    {
        if (failingDatabases.TryGetValue(orgId, out var reason))
        {
            throw new InvalidOperationException(reason);
        }

        DatabasesMade.AddOrUpdate(orgId, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public Task EnsureBlobContainerAsync(Guid orgId, CancellationToken cancellationToken)
    {
        ContainersMade.AddOrUpdate(orgId, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public Task<long> CountUnfinishedJobsAsync(Guid orgId, CancellationToken cancellationToken) =>
        Task.FromResult(UnfinishedJobs.GetValueOrDefault(orgId));

    public Task DropResultsDatabaseAsync(Guid orgId, CancellationToken cancellationToken)
    {
        DatabasesDropped.AddOrUpdate(orgId, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public Task DeleteBlobContainerAsync(Guid orgId, CancellationToken cancellationToken)
    {
        if (failingContainerDeletions.TryGetValue(orgId, out var reason))
        {
            throw new InvalidOperationException(reason);
        }

        ContainersDeleted.AddOrUpdate(orgId, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }
}
