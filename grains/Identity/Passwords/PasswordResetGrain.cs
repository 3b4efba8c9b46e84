using Microsoft.AspNetCore.Identity;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Identity;
using MolDash.Grains.Audit;
using MolDash.Grains.Identity.Sessions;
using MolDash.Grains.Identity.Throttling;
using Orleans.Concurrency;

namespace MolDash.Grains.Identity.Passwords;

/// <summary>
/// Redeems a reset token: the new password is checked against the policy before the token is spent, so a
/// refused password costs nothing; spending it and setting the password are one transaction.
/// </summary>
[StatelessWorker]
[GrainType("moldash-password-reset")]
public sealed class PasswordResetGrain(
    IPasswordResetStore resets,
    IUserAccounts accounts,
    IPasswordHasher<UserAccount> hasher,
    PasswordPolicy policy,
    SessionRevocation revocation,
    LoginThrottles throttles,
    Auditor auditor,
    TimeProvider time) : Grain, IPasswordResetGrain
{
    public async Task ResetAsync(string token, string newPassword)
    {
        var tokenHash = OpaqueTokens.Hash(token);
        var reset = await resets.FindAsync(tokenHash)
            ?? throw new MolDashException(ErrorKind.NotFound, "This password reset token is not known; check that it was copied whole.");
        if (reset.Used)
        {
            throw new MolDashException(ErrorKind.Gone, "The password reset token was used already (or replaced by a newer one); ask for a new one.");
        }

        if (reset.ExpiresAt <= time.GetUtcNow())
        {
            throw new MolDashException(ErrorKind.Gone, $"The password reset token expired at {reset.ExpiresAt:u}; ask for a new one.");
        }

        var account = await accounts.FindByIdAsync(reset.UserId) ?? throw MolDashException.NotFound("The account");
        policy.Require(newPassword, account.Email, account.DisplayName, "newPassword");
        var hash = await Task.Run(() => hasher.HashPassword(account, newPassword));
        var stamped = await resets.CompleteAsync(tokenHash, hash, time.GetUtcNow())
            ?? throw new MolDashException(ErrorKind.Gone, "The password reset token was used or expired meanwhile; ask for a new one.");

        await revocation.EndAllAsync(account.Id, stamped);
        // A user locked out by failed sign-ins can sign in with the new password at once.
        await throttles.ResetAccountAsync(account.Email);
        await auditor.RecordAsync(AuditActions.PasswordReset, account.Id.ToString(), AuditOutcome.Succeeded, reset.OrgId,
            actorId: account.Id, actorEmail: account.Email);
    }
}
