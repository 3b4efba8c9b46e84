using System.Net.Mail;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Audit;
using MolDash.Grains.Identity;
using MolDash.Grains.Identity.Sessions;
using MolDash.Grains.Persistence;

namespace MolDash.Grains.Users;

/// <summary>
/// One activation per org serialises its membership changes, which keeps "an org always has an enabled
/// Admin" true without database locks. The rows live in the metadata database, where sign-in and listings
/// read them.
/// </summary>
[GrainType("moldash-org-users")]
public sealed class OrgUsersGrain(
    IOrgMemberships memberships, IRefreshTokenStore sessions, IPasswordHasher<UserAccount> hasher, Auditor auditor, TimeProvider time)
    : Grain, IOrgUsersGrain, IOrgOwned
{
    public const int MaxPageSize = 200;
    private const int MinPasswordLength = 12;

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public async Task<CreatedOrgUser> CreateAsync(string email, string displayName, string? password, IReadOnlyList<string> roles)
    {
        RequireAdmin();
        await GrainFactory.GetGrain<IOrganizationGrain>(OwnerOrgId).GetAsync();
        var address = ValidEmail(email);
        var validRoles = OrgRoles.Validate(roles);
        if (password is { Length: < MinPasswordLength })
        {
            throw new MolDashException(ErrorKind.Validation, $"A password must be at least {MinPasswordLength} characters.");
        }

        var chosen = password ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
        var account = new UserAccount(Guid.NewGuid(), address, "", IsRoot: false, Disabled: false);
        account = account with { PasswordHash = await Task.Run(() => hasher.HashPassword(account, chosen)) };
        var name = string.IsNullOrWhiteSpace(displayName) ? address : displayName.Trim();

        var (user, created) = await memberships.AddAsync(OwnerOrgId, account, name, validRoles, time.GetUtcNow());
        await Membership(user.UserId).InvalidateAsync();
        await auditor.RecordAsync(AuditActions.UserCreated, user.UserId.ToString(), AuditOutcome.Succeeded, OwnerOrgId,
            new Dictionary<string, string?> { ["email"] = user.Email, ["roles"] = string.Join(',', user.Roles), ["newAccount"] = created.ToString() });
        return new CreatedOrgUser(user, created && password is null ? chosen : null);
    }

    public async Task<OrgUserPage> ListAsync(string? after, int limit)
    {
        RequireAdmin();
        PageSize.Validate(limit, MaxPageSize);

        var users = await memberships.ListAsync(OwnerOrgId, after is null ? null : KeysetCursor.Decode(after), limit);
        var next = users.Count == limit ? new KeysetCursor(users[^1].JoinedAt, users[^1].UserId).Encode() : null;
        return new OrgUserPage(users, next);
    }

    public Task<OrgUserView> GetAsync(Guid userId)
    {
        var caller = CallerContext.Current!;
        if (caller.UserId != userId)
        {
            RequireAdmin();
        }

        return MemberAsync(userId);
    }

    public async Task<OrgUserView> SetRolesAsync(Guid userId, IReadOnlyList<string> roles)
    {
        RequireAdmin();
        var validRoles = OrgRoles.Validate(roles);
        var user = await MemberAsync(userId);
        if (IsActiveAdmin(user) && !validRoles.Contains(MolDashRoles.Admin))
        {
            await RefuseRemovingLastAdminAsync("remove the Admin role from");
        }

        await memberships.SetRolesAsync(OwnerOrgId, userId, validRoles);
        await sessions.RevokeUserAsync(userId, OwnerOrgId, time.GetUtcNow());
        await Membership(userId).InvalidateAsync();
        await auditor.RecordAsync(AuditActions.UserRolesChanged, userId.ToString(), AuditOutcome.Succeeded, OwnerOrgId,
            new Dictionary<string, string?> { ["from"] = string.Join(',', user.Roles), ["to"] = string.Join(',', validRoles) });
        return await MemberAsync(userId);
    }

    public async Task<OrgUserView> SetDisabledAsync(Guid userId, bool disabled)
    {
        RequireAdmin();
        var user = await MemberAsync(userId);
        if (user.Disabled == disabled)
        {
            return user;
        }

        if (disabled && IsActiveAdmin(user))
        {
            await RefuseRemovingLastAdminAsync("disable");
        }

        await memberships.SetDisabledAsync(OwnerOrgId, userId, disabled);
        await sessions.RevokeUserAsync(userId, OwnerOrgId, time.GetUtcNow());
        await Membership(userId).InvalidateAsync();
        await auditor.RecordAsync(disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, userId.ToString(),
            AuditOutcome.Succeeded, OwnerOrgId);
        return await MemberAsync(userId);
    }

    public async Task RefreshMembershipsAsync()
    {
        RequireAdmin();
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

    private IMembershipGrain Membership(Guid userId) => GrainFactory.GetGrain<IMembershipGrain>(MembershipKey.For(OwnerOrgId, userId));

    private static bool IsActiveAdmin(OrgUserView user) => !user.Disabled && user.Roles.Contains(MolDashRoles.Admin);

    private async Task RefuseRemovingLastAdminAsync(string what)
    {
        if (await memberships.CountActiveAdminsAsync(OwnerOrgId) <= 1)
        {
            throw new MolDashException(ErrorKind.Conflict,
                $"Cannot {what} the last enabled Admin of the organization; make another member an Admin first.");
        }
    }

    private async Task<OrgUserView> MemberAsync(Guid userId) =>
        await memberships.FindAsync(OwnerOrgId, userId) ?? throw MolDashException.NotFound("The user");

    private static void RequireAdmin()
    {
        var caller = CallerContext.Current!;
        if (!caller.IsRoot && !caller.Roles.Contains(MolDashRoles.Admin, StringComparer.Ordinal))
        {
            throw new MolDashException(ErrorKind.Forbidden, "Managing users needs the Admin role.");
        }
    }

    private static string ValidEmail(string email)
    {
        var trimmed = email?.Trim() ?? "";
        return MailAddress.TryCreate(trimmed, out var parsed) && parsed.Address == trimmed && trimmed.Length <= 254
            ? trimmed
            : throw new MolDashException(ErrorKind.Validation, "email must be a single email address.");
    }
}
