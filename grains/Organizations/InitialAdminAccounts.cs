using Microsoft.AspNetCore.Identity;
using MolDash.Grains.Identity;

namespace MolDash.Grains.Organizations;

/// <summary>Makes the first Admin's account with a generated password, which only the caller ever holds in plain text.</summary>
public sealed class InitialAdminAccounts(IInitialAdmins admins, IPasswordHasher<UserAccount> hasher, TimeProvider time)
{
    private const int PasswordBytes = 18;

    /// <returns>The account, and its initial password when provisioning made the account.</returns>
    public async Task<(InitialAdminAccount Account, string? Password)> EnsureAsync(Guid orgId, InitialAdminState admin)
    {
        var password = RandomSecrets.UrlSafe(PasswordBytes);
        var account = await admins.EnsureAsync(
            orgId, admin.PlannedUserId, admin.Email, admin.DisplayName, await HashAsync(admin.PlannedUserId, admin.Email, password), time.GetUtcNow());
        return (account, account.AccountCreated ? password : null);
    }

    /// <summary>Gives the account a new initial password, for when the first one was lost before anyone saw it.</summary>
    public async Task<string> ReissueAsync(Guid userId, string email)
    {
        var password = RandomSecrets.UrlSafe(PasswordBytes);
        await admins.SetPasswordHashAsync(userId, await HashAsync(userId, email, password));
        return password;
    }

    // Hashing is deliberately slow CPU work that touches no grain state.
    private Task<string> HashAsync(Guid userId, string email, string password) =>
        Task.Run(() => hasher.HashPassword(new UserAccount(userId, email, "", IsRoot: false, Disabled: false), password));
}
