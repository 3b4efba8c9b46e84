using MolDash.GrainInterfaces.Identity;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Identity;
using MolDash.Grains.Persistence;

namespace MolDash.Grains.Users;

/// <summary>
/// Users and their memberships in the metadata database. Every change to a membership's roles, permissions
/// or enabled state gives it a new security stamp in the same statement.
/// </summary>
public interface IOrgMemberships
{
    /// <summary>
    /// Adds the account (kept as it is when its email already exists) to the org in one transaction.
    /// A user already in the org is a <see cref="MolDash.GrainInterfaces.Errors.ErrorKind.Conflict"/>.
    /// </summary>
    /// <returns>The membership, and whether the account was created now.</returns>
    Task<(OrgUserView User, bool AccountCreated)> AddAsync(Guid orgId, UserAccount account, string displayName, IReadOnlyList<string> roles, DateTimeOffset now);

    Task<OrgUserView?> FindAsync(Guid orgId, Guid userId);

    /// <summary>Whether the user may act in the org now (an enabled membership of an active org), with what, and its stamp.</summary>
    Task<MembershipStatus> StatusAsync(Guid orgId, Guid userId);

    Task<IReadOnlyList<OrgUserView>> ListAsync(Guid orgId, KeysetCursor? after, int limit);

    Task SetRolesAsync(Guid orgId, Guid userId, IReadOnlyList<string> roles);

    Task SetPermissionsAsync(Guid orgId, Guid userId, IReadOnlyList<string> granted, IReadOnlyList<string> withheld);

    Task SetDisabledAsync(Guid orgId, Guid userId, bool disabled);

    /// <summary>Enabled members holding the Admin role.</summary>
    Task<int> CountActiveAdminsAsync(Guid orgId);

    /// <summary>Enabled members other than <paramref name="exceptUserId"/> whose effective permissions include <paramref name="permission"/>.</summary>
    Task<int> CountOtherHoldersAsync(Guid orgId, Guid exceptUserId, string permission);

    /// <summary>The user's enabled memberships in active organizations.</summary>
    Task<IReadOnlyList<Membership>> ActiveMembershipsAsync(Guid userId);

    /// <summary>Every membership of the user, enabled or not, in orgs of any status.</summary>
    Task<IReadOnlyList<UserOrg>> OrgsOfAsync(Guid userId);
}
