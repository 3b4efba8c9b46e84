using Microsoft.AspNetCore.Identity;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Identity;
using Orleans.Concurrency;

namespace MolDash.Grains.Identity;

/// <summary>
/// Verifies passwords. A stateless worker, so hashing (deliberately slow) spreads over every silo core.
/// Hashing is CPU-bound work that touches no grain state, which is what Task.Run is for in a grain.
/// </summary>
[StatelessWorker]
[GrainType("moldash-credential")]
public sealed class CredentialGrain(IUserAccounts accounts, IPasswordHasher<UserAccount> hasher) : Grain, ICredentialGrain
{
    // Verified against when the email is unknown, so both failures take the same time.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<UserAccount>().HashPassword(null!, Guid.NewGuid().ToString()));

    public async Task<AuthenticatedUser?> VerifyPasswordAsync(string email, string password)
    {
        var account = await accounts.FindByEmailAsync(email);
        var hash = account?.PasswordHash ?? DecoyHash.Value;
        var result = await Task.Run(() => hasher.VerifyHashedPassword(account!, hash, password));
        if (account is null || account.Disabled || result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        string[] roles = account.IsRoot ? [MolDashRoles.Root] : [];
        return new AuthenticatedUser(account.Id, account.Email, null, roles);
    }
}
