using MolDash.Grains.Persistence;
using MolDash.GrainInterfaces.Organizations;

namespace MolDash.Grains.Organizations;

/// <summary>The metadata database's organization rows: the query model behind listings and name lookups.</summary>
public interface IOrganizationCatalog
{
    /// <summary>
    /// Inserts the row as provisioning. Repeating it for the same id is a no-op; a name taken by another
    /// org is a <see cref="MolDash.GrainInterfaces.Errors.ErrorKind.Conflict"/>.
    /// </summary>
    Task ReserveAsync(Guid id, string name, DateTimeOffset createdAt, Guid createdBy);

    Task SetStatusAsync(Guid id, OrganizationStatus status);

    Task<OrganizationPage> ListAsync(KeysetCursor? after, int limit);

    /// <summary>Whether the org is being deleted or was deleted: its data must not be reachable any more.</summary>
    Task<bool> IsGoneAsync(Guid id);
}
