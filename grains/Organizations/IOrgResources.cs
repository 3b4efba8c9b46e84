namespace MolDash.Grains.Organizations;

/// <summary>Makes an organization's own resources; every method may be repeated safely.</summary>
public interface IOrgResources
{
    /// <summary>Creates the org's results database when missing and brings its schema up to date.</summary>
    Task EnsureResultsDatabaseAsync(Guid orgId, CancellationToken cancellationToken);

    Task EnsureBlobContainerAsync(Guid orgId, CancellationToken cancellationToken);
}
