using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Access;
using MolDash.Grains.Audit;
using MolDash.Grains.Identity;
using MolDash.Grains.Identity.Passwords;
using MolDash.Grains.Identity.Sessions;
using MolDash.Grains.Persistence;

namespace MolDash.Grains.Users;

/// <summary>
/// One activation per org serialises its membership changes, which keeps "an org always has an enabled
/// Admin" and "someone can always manage its users" true without database locks. The rows live in the
/// metadata database, where sign-in and listings read them. Every change ends the member's sessions and
/// takes effect on their live access tokens at once (a new security stamp).
/// </summary>
[GrainType("moldash-org-users")]
public sealed class OrgUsersGrain(
    IOrgMemberships memberships,
    IRefreshTokenStore sessions,
    IPasswordResetStore resets,
    IPasswordHasher<UserAccount> hasher,
    PasswordPolicy policy,
    IOptions<PasswordResetOptions> resetOptions,
    Auditor auditor,
    TimeProvider time)
    : Grain, IOrgUsersGrain, IOrgOwned
{
    public const int MaxPageSize = 200;

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public async Task<CreatedOrgUser> CreateAsync(string email, string displayName, string? password, IReadOnlyList<string> roles)
    {
        var caller = RequireManager();
        await GrainFactory.GetGrain<IOrganizationGrain>(OwnerOrgId).GetAsync();
        var address = EmailAddress.Validate(email);
        var validRoles = OrgRoles.Validate(roles);
        DelegationRules.RequireMayAssign(caller, validRoles, []);
        var name = string.IsNullOrWhiteSpace(displayName) ? address : displayName.Trim();
        if (password is not null)
        {
            policy.Require(password, address, name, "password");
        }

        var chosen = password ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
        var account = new UserAccount(Guid.NewGuid(), address, "", IsRoot: false, Disabled: false);
        account = account with { PasswordHash = await Task.Run(() => hasher.HashPassword(account, chosen)) };

        var (user, created) = await memberships.AddAsync(OwnerOrgId, account, name, validRoles, time.GetUtcNow());
        await Membership(user.UserId).InvalidateAsync();
        await auditor.RecordAsync(AuditActions.UserCreated, user.UserId.ToString(), AuditOutcome.Succeeded, OwnerOrgId,
            new Dictionary<string, string?> { ["email"] = user.Email, ["roles"] = string.Join(',', user.Roles), ["newAccount"] = created.ToString() });
        return new CreatedOrgUser(user, created && password is null ? chosen : null);
    }

    public async Task<OrgUserPage> ListAsync(string? after, int limit)
    {
        RequireManager();
        PageSize.Validate(limit, MaxPageSize);

        var users = await memberships.ListAsync(OwnerOrgId, after is null ? null : KeysetCursor.Decode(after), limit);
        var next = users.Count == limit ? new KeysetCursor(users[^1].JoinedAt, users[^1].UserId).Encode() : null;
        return new OrgUserPage(users, next);
    }

    public Task<OrgUserView> GetAsync(Guid userId)
    {
        if (CallerContext.Current!.UserId != userId)
        {
            RequireManager();
        }

        return MemberAsync(userId);
    }

    public async Task<OrgUserView> SetRolesAsync(Guid userId, IReadOnlyList<string> roles)
    {
        var (caller, user) = await ManageableAsync(userId);
        var validRoles = OrgRoles.Validate(roles);
        DelegationRules.RequireMayAssign(caller, validRoles, []);
        if (IsActiveAdmin(user) && !validRoles.Contains(MolDashRoles.Admin))
        {
            await RefuseRemovingLastAdminAsync("remove the Admin role from");
        }

        await RefuseLosingLastManagerAsync(user, holdsAfter: !user.Disabled && Manages(validRoles, user.Permissions.Granted, user.Permissions.Withheld));
        await memberships.SetRolesAsync(OwnerOrgId, userId, validRoles);
        return await ChangedAsync(userId, AuditActions.UserRolesChanged,
            new Dictionary<string, string?> { ["from"] = string.Join(',', user.Roles), ["to"] = string.Join(',', validRoles) });
    }

    public async Task<OrgUserView> SetPermissionsAsync(Guid userId, IReadOnlyList<string> grant, IReadOnlyList<string> withhold)
    {
        var (caller, user) = await ManageableAsync(userId);
        var (granted, withheld) = OrgPermissions.Validate(grant, withhold);
        DelegationRules.RequireMayAssign(caller, [], granted);
        await RefuseLosingLastManagerAsync(user, holdsAfter: !user.Disabled && Manages(user.Roles, granted, withheld));
        await memberships.SetPermissionsAsync(OwnerOrgId, userId, granted, withheld);
        return await ChangedAsync(userId, AuditActions.UserPermissionsChanged, new Dictionary<string, string?>
        {
            ["from"] = string.Join(',', user.Permissions.Effective),
            ["to"] = string.Join(',', OrgPermissions.Effective(user.Roles, granted, withheld)),
            ["granted"] = string.Join(',', granted),
            ["withheld"] = string.Join(',', withheld),
        });
    }

    public async Task<OrgUserView> SetDisabledAsync(Guid userId, bool disabled)
    {
        var (_, user) = await ManageableAsync(userId);
        if (user.Disabled == disabled)
        {
            return user;
        }

        if (disabled && IsActiveAdmin(user))
        {
            await RefuseRemovingLastAdminAsync("disable");
        }

        if (disabled)
        {
            await RefuseLosingLastManagerAsync(user, holdsAfter: false);
        }

        await memberships.SetDisabledAsync(OwnerOrgId, userId, disabled);
        return await ChangedAsync(userId, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, null);
    }

    public async Task<PasswordResetTicket> IssuePasswordResetAsync(Guid userId)
    {
        var (caller, _) = await ManageableAsync(userId);
        // The account is the person's in every org they belong to: one org's managers must not take it over elsewhere.
        if (!caller.IsRoot && (await memberships.OrgsOfAsync(userId)).Count > 1)
        {
            throw new MolDashException(ErrorKind.Conflict,
                "The user belongs to other organizations too, so only Root can reset their password; they can also change it themselves.");
        }

        var token = OpaqueTokens.New();
        var now = time.GetUtcNow();
        var expires = now + resetOptions.Value.TokenLifetime;
        await resets.IssueAsync(OpaqueTokens.Hash(token), userId, OwnerOrgId, caller.UserId, now, expires);
        await auditor.RecordAsync(AuditActions.PasswordResetIssued, userId.ToString(), AuditOutcome.Succeeded, OwnerOrgId,
            new Dictionary<string, string?> { ["expiresAt"] = expires.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        return new PasswordResetTicket(userId, token, expires);
    }

    public async Task RefreshMembershipsAsync()
    {
        RequireManager();
        KeysetCursor? after = null;
        IReadOnlyList<OrgUserView> page;
        do
        {
            page = await memberships.ListAsync(OwnerOrgId, after, MaxPageSize);
            await Task.WhenAll(page.Select(user => Membership(user.UserId).InvalidateAsync()));
            after = page.Count > 0 ? new KeysetCursor(page[^1].JoinedAt, page[^1].UserId) : null;
        }
        while (page.Count == MaxPageSize);
    }

    private static Caller RequireManager() => PermissionGuard.Require(MolDashPermissions.UserManage, "manage users");

    private async Task<(Caller Caller, OrgUserView User)> ManageableAsync(Guid userId)
    {
        var caller = RequireManager();
        var user = await MemberAsync(userId);
        DelegationRules.RequireMayManage(caller, user);
        return (caller, user);
    }

    /// <summary>After a change: the member's sessions end, their live tokens stop at the next call, and it is audited.</summary>
    private async Task<OrgUserView> ChangedAsync(Guid userId, string action, IReadOnlyDictionary<string, string?>? details)
    {
        await sessions.RevokeUserAsync(userId, OwnerOrgId, time.GetUtcNow());
        await Membership(userId).InvalidateAsync();
        await auditor.RecordAsync(action, userId.ToString(), AuditOutcome.Succeeded, OwnerOrgId, details);
        return await MemberAsync(userId);
    }

    private IMembershipGrain Membership(Guid userId) => GrainFactory.GetGrain<IMembershipGrain>(MembershipKey.For(OwnerOrgId, userId));

    private static bool IsActiveAdmin(OrgUserView user) => !user.Disabled && user.Roles.Contains(MolDashRoles.Admin);

    private static bool Manages(IReadOnlyList<string> roles, IReadOnlyList<string> granted, IReadOnlyList<string> withheld) =>
        OrgPermissions.Effective(roles, granted, withheld).Contains(MolDashPermissions.UserManage);

    private async Task RefuseRemovingLastAdminAsync(string what)
    {
        if (await memberships.CountActiveAdminsAsync(OwnerOrgId) <= 1)
        {
            throw new MolDashException(ErrorKind.Conflict,
                $"Cannot {what} the last enabled Admin of the organization; make another member an Admin first.");
        }
    }

    /// <summary>Someone enabled must always be able to manage the org's users (besides Root).</summary>
    private async Task RefuseLosingLastManagerAsync(OrgUserView user, bool holdsAfter)
    {
        var holdsNow = !user.Disabled && user.Permissions.Effective.Contains(MolDashPermissions.UserManage);
        if (holdsNow && !holdsAfter && await memberships.CountOtherHoldersAsync(OwnerOrgId, user.UserId, MolDashPermissions.UserManage) == 0)
        {
            throw new MolDashException(ErrorKind.Conflict,
                $"{user.Email} is the last enabled member able to manage users ({MolDashPermissions.UserManage}); give it to someone else first.");
        }
    }

    private async Task<OrgUserView> MemberAsync(Guid userId) =>
        await memberships.FindAsync(OwnerOrgId, userId) ?? throw MolDashException.NotFound("The user");
}
