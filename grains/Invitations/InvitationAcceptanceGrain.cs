using Microsoft.AspNetCore.Identity;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Identity;
using MolDash.GrainInterfaces.Invitations;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Audit;
using MolDash.Grains.Identity;
using MolDash.Grains.Identity.Passwords;
using MolDash.Grains.Identity.Sessions;
using MolDash.Grains.Identity.Throttling;
using MolDash.Grains.Users;
using Orleans.Concurrency;

namespace MolDash.Grains.Invitations;

/// <summary>
/// Turns an invitation token into a membership and a session. A new email gets an account with the
/// password given; an existing account must prove itself with its current password (throttled like a
/// sign-in), so a leaked invitation cannot be used to take over someone's account or join them anywhere.
/// </summary>
[StatelessWorker]
[GrainType("moldash-invitation-acceptance")]
public sealed class InvitationAcceptanceGrain(
    IInvitationStore store,
    IUserAccounts accounts,
    IOrgMemberships memberships,
    IPasswordHasher<UserAccount> hasher,
    PasswordPolicy policy,
    LoginThrottles throttles,
    RefreshTokens tokens,
    Auditor auditor,
    TimeProvider time) : Grain, IInvitationAcceptanceGrain
{
    public async Task<SignedIn> AcceptAsync(string token, string password, string? displayName)
    {
        var tokenHash = OpaqueTokens.Hash(token);
        var (invitation, orgActive) = await store.FindByTokenAsync(tokenHash, time.GetUtcNow())
            ?? throw new MolDashException(ErrorKind.NotFound, "This invitation token is not known; check that it was copied whole.");
        RequirePending(invitation);
        if (!orgActive)
        {
            throw new MolDashException(ErrorKind.Conflict, "The organization is not active; the invitation can be accepted once it is.");
        }

        var existing = await accounts.FindByEmailAsync(invitation.Email);
        var (account, name) = existing is null
            ? await NewAccountAsync(invitation, password, displayName)
            : (await ProvenAccountAsync(existing, password, invitation), existing.DisplayName);

        var accepted = await store.AcceptAsync(tokenHash, account, name, time.GetUtcNow())
            ?? throw new MolDashException(ErrorKind.Gone, "The invitation was accepted or revoked meanwhile.");
        var userId = accepted.UserId;
        await GrainFactory.GetGrain<IMembershipGrain>(MembershipKey.For(invitation.OrgId, userId)).InvalidateAsync();
        await auditor.RecordAsync(AuditActions.InvitationAccepted, invitation.Id.ToString(), AuditOutcome.Succeeded, invitation.OrgId,
            new Dictionary<string, string?> { ["email"] = invitation.Email, ["userId"] = userId.ToString(), ["newAccount"] = accepted.AccountCreated.ToString() },
            actorId: userId, actorEmail: invitation.Email);

        var membership = (await memberships.ActiveMembershipsAsync(userId)).FirstOrDefault(m => m.OrgId == invitation.OrgId)
            ?? throw new MolDashException(ErrorKind.Conflict, "The organization is not active; sign in once it is.");
        return await tokens.StartAsync(membership.SignedIn(userId, invitation.Email));
    }

    private static void RequirePending(InvitationView invitation)
    {
        var why = invitation.Status switch
        {
            InvitationStatus.Accepted => "was accepted already; sign in instead",
            InvitationStatus.Revoked => "was revoked; ask for a new one",
            InvitationStatus.Expired => $"expired at {invitation.ExpiresAt:u}; ask for a new one",
            _ => null,
        };
        if (why is not null)
        {
            throw new MolDashException(ErrorKind.Gone, $"The invitation {why}.");
        }
    }

    private async Task<(UserAccount Account, string Name)> NewAccountAsync(InvitationView invitation, string password, string? displayName)
    {
        var name = new[] { displayName, invitation.DisplayName, invitation.Email }.First(candidate => !string.IsNullOrWhiteSpace(candidate))!.Trim();
        policy.Require(password, invitation.Email, name, "password");
        var account = new UserAccount(Guid.NewGuid(), invitation.Email, "", IsRoot: false, Disabled: false, name);
        return (account with { PasswordHash = await Task.Run(() => hasher.HashPassword(account, password)) }, name);
    }

    /// <summary>The account's owner gives its current password; it stays the account's password.</summary>
    private async Task<UserAccount> ProvenAccountAsync(UserAccount account, string password, InvitationView invitation)
    {
        await throttles.RefuseWhileLockedOutAsync(account.Email);
        var result = await Task.Run(() => hasher.VerifyHashedPassword(account, account.PasswordHash, password));
        if (result == PasswordVerificationResult.Failed || account.Disabled || account.IsRoot)
        {
            await throttles.RecordFailureAsync(account.Email);
            await auditor.RecordAsync(AuditActions.InvitationAccepted, invitation.Id.ToString(), AuditOutcome.Failed, invitation.OrgId,
                new Dictionary<string, string?> { ["email"] = invitation.Email, ["reason"] = "credentials" }, actorEmail: invitation.Email);
            throw new MolDashException(ErrorKind.Unauthenticated,
                $"{invitation.Email} has an account already: accept with that account's current password (it stays unchanged).");
        }

        await throttles.ResetAccountAsync(account.Email);
        return account;
    }
}
