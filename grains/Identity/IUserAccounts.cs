namespace MolDash.Grains.Identity;

/// <summary>User rows in the metadata database.</summary>
public interface IUserAccounts
{
    Task<UserAccount?> FindByEmailAsync(string email);

    Task<UserAccount?> FindRootAsync();

    Task<UserAccount?> FindByIdAsync(Guid id);

    /// <returns>False when an account with that email already exists (nothing is written).</returns>
    Task<bool> TryInsertAsync(UserAccount account, string displayName, DateTimeOffset createdAt);

    Task UpdateCredentialsAsync(Guid id, string email, string passwordHash);

    /// <summary>Sets the password and changes the security stamp of every membership of the user, in one statement.</summary>
    /// <returns>The orgs whose memberships changed stamp.</returns>
    Task<IReadOnlyList<Guid>> SetPasswordAsync(Guid id, string passwordHash);
}
