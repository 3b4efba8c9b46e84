using Microsoft.AspNetCore.Identity;
using MolDash.GrainInterfaces.Access;
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
    IUserAccounts accounts, IOrgMemberships memberships, IPasswordHasher<UserAccount> hasher, RefreshTokens tokens, Auditor auditor)
    : Grain, ICredentialGrain
{
    // Verified against when the email is unknown, so both failures take the same time.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<UserAccount>().HashPassword(null!, Guid.NewGuid().ToString()));

    public async Task<SignedIn?> VerifyPasswordAsync(string email, string password, Guid? orgId)
    {
        var throttles = ThrottlesFor(email);
        await RefuseWhileLockedOutAsync(email, throttles);

        var account = await accounts.FindByEmailAsync(email);
        var hash = account?.PasswordHash ?? DecoyHash.Value;
        var result = await Task.Run(() => hasher.VerifyHashedPassword(account!, hash, password));
        if (account is null || account.Disabled || result == PasswordVerificationResult.Failed)
        {
            await Task.WhenAll(throttles.Select(throttle => throttle.RecordFailureAsync()));
            await auditor.RecordAsync(AuditActions.Login, email, AuditOutcome.Failed, actorId: account?.Id, actorEmail: email,
                details: new Dictionary<string, string?> { ["reason"] = account is { Disabled: true } ? "disabled" : "credentials" });
            return null;
        }

        await throttles[0].ResetAsync();
        if (account.IsRoot)
        {
            await auditor.RecordAsync(AuditActions.Login, email, AuditOutcome.Succeeded, actorId: account.Id, actorEmail: account.Email);
            return await tokens.IssueAsync(new AuthenticatedUser(account.Id, account.Email, null, [MolDashRoles.Root]), Guid.NewGuid());
        }

        var membership = ChooseMembership(await memberships.ActiveMembershipsAsync(account.Id), orgId);
        await auditor.RecordAsync(AuditActions.Login, email, membership is null ? AuditOutcome.Failed : AuditOutcome.Succeeded,
            orgId: membership?.OrgId ?? orgId, actorId: account.Id, actorEmail: account.Email,
            details: membership is null ? new Dictionary<string, string?> { ["reason"] = "membership" } : null);
        return membership is null
            ? null
            : await tokens.IssueAsync(new AuthenticatedUser(account.Id, account.Email, membership.OrgId, membership.Roles), Guid.NewGuid());
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

    /// <summary>The account's throttle first, then the client address's when the request has one.</summary>
    private List<ILoginThrottleGrain> ThrottlesFor(string email)
    {
        var throttles = new List<ILoginThrottleGrain> { GrainFactory.GetGrain<ILoginThrottleGrain>(LoginThrottleKeys.Account(email)) };
        if (ClientAddressContext.Current is { } client)
        {
            throttles.Add(GrainFactory.GetGrain<ILoginThrottleGrain>(LoginThrottleKeys.Client(client)));
        }

        return throttles;
    }

    private async Task RefuseWhileLockedOutAsync(string email, List<ILoginThrottleGrain> throttles)
    {
        var lockouts = await Task.WhenAll(throttles.Select(throttle => throttle.CheckAsync()));
        var retryAfter = lockouts.Max();
        if (retryAfter is null)
        {
            return;
        }

        await auditor.RecordAsync(AuditActions.LoginThrottled, email, AuditOutcome.Denied, actorEmail: email);
        throw new MolDashException(ErrorKind.TooManyRequests, "Too many failed sign-in attempts; try again later.")
        {
            RetryAfter = retryAfter,
        };
    }
}
