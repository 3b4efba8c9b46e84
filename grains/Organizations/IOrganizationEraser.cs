namespace MolDash.Grains.Organizations;

/// <summary>Removes a deleted organization's rows from the metadata database; every method may be repeated safely.</summary>
public interface IOrganizationEraser
{
    /// <summary>Ends every session (refresh-token family) of the org's members in that org.</summary>
    Task RevokeSessionsAsync(Guid orgId, DateTimeOffset now);

    /// <summary>Deletes the persisted state of the org's grains, whose keys start with the org's id.</summary>
    Task EraseGrainStateAsync(Guid orgId);

    /// <summary>
    /// In one transaction: deletes the org's sessions, memberships, task and pipeline catalog rows and the
    /// organization row (which frees its name), and records the org as deleted.
    /// </summary>
    Task EraseCatalogRowsAsync(Guid orgId, string name, DateTimeOffset deletedAt, Guid deletedBy);
}
