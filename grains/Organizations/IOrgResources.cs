namespace MolDash.Grains.Organizations;

/// <summary>Makes an organization's own resources; every method may be repeated safely.</summary>
public interface IOrgResources
{
    /// <summary>Creates the org's results database when missing and brings its schema up to date.</summary>
    Task EnsureResultsDatabaseAsync(Guid orgId, CancellationToken cancellationToken);

    Task EnsureBlobContainerAsync(Guid orgId, CancellationToken cancellationToken);

    /// <summary>Jobs of the org that are pending or running, read from its results database.</summary>
    Task<long> CountUnfinishedJobsAsync(Guid orgId, CancellationToken cancellationToken);

    /// <summary>Drops the org's results database (closing every connection to it); nothing to drop is fine.</summary>
    Task DropResultsDatabaseAsync(Guid orgId, CancellationToken cancellationToken);

    /// <summary>Deletes the org's blob container with every blob in it; nothing to delete is fine.</summary>
    Task DeleteBlobContainerAsync(Guid orgId, CancellationToken cancellationToken);
}
