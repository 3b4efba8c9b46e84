using Microsoft.AspNetCore.Identity;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Identity;
using MolDash.Grains.Audit;
using MolDash.Grains.Identity.Passwords;
using MolDash.Grains.Identity.Sessions;
using MolDash.Grains.Identity.Throttling;
using MolDash.Grains.Users;

namespace MolDash.Grains.Identity;

/// <summary>
/// The signed-in user's own account. Only its owner reaches it (the access filter has checked their token
/// against their membership); to anyone else it does not exist.
/// </summary>
[GrainType("moldash-account")]
public sealed class AccountGrain(
    IUserAccounts accounts,
    IOrgMemberships memberships,
    IPasswordHasher<UserAccount> hasher,
    PasswordPolicy policy,
    LoginThrottles throttles,
    SessionRevocation revocation,
    RefreshTokens tokens,
    Auditor auditor) : Grain, IAccountGrain
{
    private Guid UserId => this.GetPrimaryKey();

    public async Task<SignedIn> ChangePasswordAsync(string currentPassword, string newPassword)
    {
        var caller = RequireOwner();
        var account = await accounts.FindByIdAsync(UserId) ?? throw MolDashException.NotFound("The account");
        await throttles.RefuseWhileLockedOutAsync(account.Email);
        if (await Task.Run(() => hasher.VerifyHashedPassword(account, account.PasswordHash, currentPassword)) == PasswordVerificationResult.Failed)
        {
            await throttles.RecordFailureAsync(account.Email);
            await auditor.RecordAsync(AuditActions.PasswordChanged, account.Id.ToString(), AuditOutcome.Failed,
                details: new Dictionary<string, string?> { ["reason"] = "credentials" }, actorEmail: account.Email);
            throw MolDashException.Invalid("The current password is not correct.", [new FieldError("/currentPassword", "Not the account's current password.")]);
        }

        if (currentPassword == newPassword)
        {
            throw MolDashException.Invalid("The new password is the current one.", [new FieldError("/newPassword", "Choose a password other than the current one.")]);
        }

        policy.Require(newPassword, account.Email, account.DisplayName, "newPassword");
        var stamped = await accounts.SetPasswordAsync(account.Id, await Task.Run(() => hasher.HashPassword(account, newPassword)));
        await revocation.EndAllAsync(account.Id, stamped);
        await throttles.ResetAccountAsync(account.Email);
        await auditor.RecordAsync(AuditActions.PasswordChanged, account.Id.ToString(), AuditOutcome.Succeeded, actorEmail: account.Email);
        return await SignInAsync(account, caller.OrgId)
            ?? throw new MolDashException(ErrorKind.Unauthenticated, "The password was changed; sign in again.");
    }

    public async Task<IReadOnlyList<UserOrg>> ListOrgsAsync()
    {
        var caller = RequireOwner();
        return caller.IsRoot ? [] : await memberships.OrgsOfAsync(UserId);
    }

    public async Task<SignedIn> SwitchOrgAsync(Guid orgId)
    {
        var caller = RequireOwner();
        if (caller.IsRoot)
        {
            throw new MolDashException(ErrorKind.Conflict,
                "Root belongs to no organization: it acts in any of them by naming it with ?orgId=.");
        }

        var target = (await memberships.OrgsOfAsync(UserId)).FirstOrDefault(org => org.OrgId == orgId)
            ?? throw MolDashException.NotFound("The organization");
        if (!target.Active)
        {
            await auditor.RecordAsync(AuditActions.OrgSwitched, orgId.ToString(), AuditOutcome.Denied, orgId,
                new Dictionary<string, string?> { ["from"] = caller.OrgId?.ToString(), ["reason"] = target.Disabled ? "disabled" : target.Status });
            throw new MolDashException(ErrorKind.Forbidden, target.Disabled
                ? $"Your membership of {target.Name} is disabled."
                : $"{target.Name} is {target.Status.ToLowerInvariant()}; it cannot be signed into now.");
        }

        var account = await accounts.FindByIdAsync(UserId) ?? throw MolDashException.NotFound("The account");
        var signedIn = await SignInAsync(account, orgId) ?? throw MolDashException.NotFound("The organization");
        await auditor.RecordAsync(AuditActions.OrgSwitched, orgId.ToString(), AuditOutcome.Succeeded, orgId,
            new Dictionary<string, string?> { ["from"] = caller.OrgId?.ToString() });
        return signedIn;
    }

    private Caller RequireOwner()
    {
        var caller = CallerContext.Current!;
        return caller.UserId == UserId ? caller : throw MolDashException.NotFound("The account");
    }

    /// <summary>A new session in <paramref name="orgId"/> (Root's on the platform), or null when the membership is not active.</summary>
    private async Task<SignedIn?> SignInAsync(UserAccount account, Guid? orgId)
    {
        if (account.IsRoot)
        {
            return await tokens.StartAsync(account.AsRoot());
        }

        var membership = (await memberships.ActiveMembershipsAsync(account.Id)).FirstOrDefault(m => m.OrgId == orgId);
        return membership is null ? null : await tokens.StartAsync(membership.SignedIn(account.Id, account.Email));
    }
}
