using Microsoft.AspNetCore.Identity;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Identity;
using MolDash.Grains.Audit;
using MolDash.Grains.Identity.Sessions;
using MolDash.Grains.Identity.Throttling;
using MolDash.Grains.Users;
using Orleans.Concurrency;

namespace MolDash.Grains.Identity;

/// <summary>
/// Verifies passwords, throttles repeated failures per account and per client address, and audits every
/// attempt. A stateless worker, so hashing (deliberately slow) spreads over every silo core; hashing is
/// CPU-bound work that touches no grain state, which is what Task.Run is for in a grain.
/// </summary>
[StatelessWorker]
[GrainType("moldash-credential")]
public sealed class CredentialGrain(
    IUserAccounts accounts, IOrgMemberships memberships, IPasswordHasher<UserAccount> hasher, RefreshTokens tokens, LoginThrottles throttles, Auditor auditor)
    : Grain, ICredentialGrain
{
    // Verified against when the email is unknown, so both failures take the same time.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<UserAccount>().HashPassword(null!, Guid.NewGuid().ToString()));

    public async Task<SignedIn?> VerifyPasswordAsync(string email, string password, Guid? orgId)
    {
        await throttles.RefuseWhileLockedOutAsync(email);

        var account = await accounts.FindByEmailAsync(email);
        var hash = account?.PasswordHash ?? DecoyHash.Value;
        var result = await Task.Run(() => hasher.VerifyHashedPassword(account!, hash, password));
        if (account is null || account.Disabled || result == PasswordVerificationResult.Failed)
        {
            await throttles.RecordFailureAsync(email);
            await auditor.RecordAsync(AuditActions.Login, email, AuditOutcome.Failed, actorId: account?.Id, actorEmail: email,
                details: new Dictionary<string, string?> { ["reason"] = account is { Disabled: true } ? "disabled" : "credentials" });
            return null;
        }

        await throttles.ResetAccountAsync(email);
        if (account.IsRoot)
        {
            await auditor.RecordAsync(AuditActions.Login, email, AuditOutcome.Succeeded, actorId: account.Id, actorEmail: account.Email);
            return await tokens.StartAsync(account.AsRoot());
        }

        var membership = ChooseMembership(await memberships.ActiveMembershipsAsync(account.Id), orgId);
        await auditor.RecordAsync(AuditActions.Login, email, membership is null ? AuditOutcome.Failed : AuditOutcome.Succeeded,
            orgId: membership?.OrgId ?? orgId, actorId: account.Id, actorEmail: account.Email,
            details: membership is null ? new Dictionary<string, string?> { ["reason"] = "membership" } : null);
        return membership is null ? null : await tokens.StartAsync(membership.SignedIn(account.Id, account.Email));
    }

    /// <summary>
    /// The org asked for, or the only one. A user in several orgs who names none is told which they may
    /// choose: the password was right, so that reveals nothing to a stranger.
    /// </summary>
    internal static Membership? ChooseMembership(IReadOnlyList<Membership> active, Guid? orgId)
    {
        if (orgId is { } wanted)
        {
            return active.FirstOrDefault(membership => membership.OrgId == wanted);
        }

        return active.Count switch
        {
            0 => null,
            1 => active[0],
            _ => throw new MolDashException(ErrorKind.Validation,
                "orgId is required: you belong to several organizations: " +
                string.Join("; ", active.Select(membership => $"{membership.OrgName} ({membership.OrgId})")) + "."),
        };
    }
}
