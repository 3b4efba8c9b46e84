using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Identity;
using MolDash.Grains.Persistence;

namespace MolDash.Grains.Users;

/// <summary>Users and their memberships in the metadata database.</summary>
public interface IOrgMemberships
{
    /// <summary>
    /// Adds the account (kept as it is when its email already exists) to the org in one transaction.
    /// A user already in the org is a <see cref="MolDash.GrainInterfaces.Errors.ErrorKind.Conflict"/>.
    /// </summary>
    /// <returns>The membership, and whether the account was created now.</returns>
    Task<(OrgUserView User, bool AccountCreated)> AddAsync(Guid orgId, UserAccount account, string displayName, IReadOnlyList<string> roles, DateTimeOffset now);

    Task<OrgUserView?> FindAsync(Guid orgId, Guid userId);

    /// <summary>Whether the user may act in the org now: an enabled membership of an active org, and its roles.</summary>
    Task<MembershipStatus> StatusAsync(Guid orgId, Guid userId);

    Task<IReadOnlyList<OrgUserView>> ListAsync(Guid orgId, KeysetCursor? after, int limit);

    Task SetRolesAsync(Guid orgId, Guid userId, IReadOnlyList<string> roles);

    Task SetDisabledAsync(Guid orgId, Guid userId, bool disabled);

    /// <summary>Enabled members holding the Admin role.</summary>
    Task<int> CountActiveAdminsAsync(Guid orgId);

    /// <summary>The user's enabled memberships in active organizations.</summary>
    Task<IReadOnlyList<Membership>> ActiveMembershipsAsync(Guid userId);
}
