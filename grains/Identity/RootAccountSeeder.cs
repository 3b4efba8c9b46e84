using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using MolDash.Grains.Identity.Passwords;

namespace MolDash.Grains.Identity;

/// <summary>
/// Makes sure the Root account exists. A configured password is authoritative (it is re-applied when it
/// changed); without one, a random password is generated on the first start only and returned so the
/// host can show it once. There is never a fixed default password.
/// </summary>
public sealed class RootAccountSeeder(
    IUserAccounts accounts,
    IPasswordHasher<UserAccount> hasher,
    PasswordPolicy policy,
    TimeProvider time,
    ILogger<RootAccountSeeder> logger)
{
    /// <returns>The generated password when one was generated, otherwise null.</returns>
    public async Task<string?> EnsureRootAsync(string email, string? configuredPassword)
    {
        if (configuredPassword is not null && policy.Break(configuredPassword, email, "Root") is { } broken)
        {
            throw new InvalidOperationException($"The configured Root password (MOLDASH_ROOT_PASSWORD) breaks the password policy, rule {broken.Rule}: {broken.Reason}.");
        }

        var existing = await accounts.FindRootAsync();
        if (existing is not null)
        {
            var passwordChanged = configuredPassword is not null
                && hasher.VerifyHashedPassword(existing, existing.PasswordHash, configuredPassword) == PasswordVerificationResult.Failed;
            var emailChanged = !string.Equals(existing.Email, email, StringComparison.OrdinalIgnoreCase);
            if (passwordChanged || emailChanged)
            {
                var hash = passwordChanged ? hasher.HashPassword(existing, configuredPassword!) : existing.PasswordHash;
                await accounts.UpdateCredentialsAsync(existing.Id, email, hash);
                logger.LogInformation("Root account credentials updated from configuration");
            }

            return null;
        }

        var password = configuredPassword ?? GeneratePassword();
        var account = new UserAccount(Guid.NewGuid(), email, "", IsRoot: true, Disabled: false);
        account = account with { PasswordHash = hasher.HashPassword(account, password) };
        if (!await accounts.TryInsertAsync(account, "Root", time.GetUtcNow()))
        {
            // Another silo starting at the same time created it first.
            return null;
        }

        logger.LogInformation("Root account {Email} created", email);
        return configuredPassword is null ? password : null;
    }

    private static string GeneratePassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
