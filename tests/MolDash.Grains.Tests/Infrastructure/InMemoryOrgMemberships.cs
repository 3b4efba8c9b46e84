using System.Collections.Concurrent;
using MolDash.GrainInterfaces.Identity;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Identity;
using MolDash.Grains.Persistence;
using MolDash.Grains.Users;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>
/// Memberships in memory for grain logic tests: what the access filter and the membership grain read.
/// The PostgreSQL implementation, and user management through it, are tested against the real database.
/// </summary>
public sealed class InMemoryOrgMemberships : IOrgMemberships
{
    private readonly ConcurrentDictionary<(Guid OrgId, Guid UserId), (OrgUserView User, string Stamp)> members = new();

    /// <summary>Sets the membership as it is now; like every change of a real membership, it takes a new security stamp.</summary>
    /// <returns>The new stamp.</returns>
    public string Put(
        Guid orgId, Guid userId, IReadOnlyList<string> roles, bool disabled = false, IReadOnlyList<string>? granted = null, IReadOnlyList<string>? withheld = null)
    {
        var stamp = Guid.NewGuid().ToString("N");
        var user = new OrgUserView(userId, $"{userId:N}@test", "Test", roles, disabled, DateTimeOffset.UtcNow,
            OrgPermissions.Of(roles, granted ?? [], withheld ?? []));
        members[(orgId, userId)] = (user, stamp);
        return stamp;
    }

    public Task<OrgUserView?> FindAsync(Guid orgId, Guid userId) =>
        Task.FromResult(members.TryGetValue((orgId, userId), out var member) ? member.User : null);

    public Task<MembershipStatus> StatusAsync(Guid orgId, Guid userId) =>
        Task.FromResult(members.TryGetValue((orgId, userId), out var member)
            ? new MembershipStatus(!member.User.Disabled, member.User.Roles, member.User.Permissions.Effective, member.Stamp)
            : new MembershipStatus(false, [], [], null));

    public Task<(OrgUserView User, bool AccountCreated)> AddAsync(Guid orgId, UserAccount account, string displayName, IReadOnlyList<string> roles, DateTimeOffset now) =>
        throw new NotSupportedException("User management is tested against PostgreSQL.");

    public Task<IReadOnlyList<OrgUserView>> ListAsync(Guid orgId, KeysetCursor? after, int limit) =>
        Task.FromResult<IReadOnlyList<OrgUserView>>([.. members
            .Where(pair => pair.Key.OrgId == orgId)
            .Select(pair => pair.Value.User)
            .OrderBy(user => user.JoinedAt).ThenBy(user => user.UserId)
            .Where(user => after is null || (user.JoinedAt, user.UserId).CompareTo((after.CreatedAt, after.Id)) > 0)
            .Take(limit)]);

    public Task SetRolesAsync(Guid orgId, Guid userId, IReadOnlyList<string> roles) =>
        throw new NotSupportedException("User management is tested against PostgreSQL.");

    public Task SetPermissionsAsync(Guid orgId, Guid userId, IReadOnlyList<string> granted, IReadOnlyList<string> withheld) =>
        throw new NotSupportedException("User management is tested against PostgreSQL.");

    public Task SetDisabledAsync(Guid orgId, Guid userId, bool disabled) =>
        throw new NotSupportedException("User management is tested against PostgreSQL.");

    public Task<int> CountActiveAdminsAsync(Guid orgId) =>
        throw new NotSupportedException("User management is tested against PostgreSQL.");

    public Task<int> CountOtherHoldersAsync(Guid orgId, Guid exceptUserId, string permission) =>
        throw new NotSupportedException("User management is tested against PostgreSQL.");

    public Task<IReadOnlyList<Membership>> ActiveMembershipsAsync(Guid userId) =>
        throw new NotSupportedException("Sign-in is tested against PostgreSQL.");

    public Task<IReadOnlyList<UserOrg>> OrgsOfAsync(Guid userId) =>
        throw new NotSupportedException("Accounts are tested against PostgreSQL.");
}
