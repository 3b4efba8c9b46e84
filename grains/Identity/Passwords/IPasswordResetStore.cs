namespace MolDash.Grains.Identity.Passwords;

/// <summary>Password reset tokens by their SHA-256, in the metadata database.</summary>
public interface IPasswordResetStore
{
    /// <summary>Stores a new token; the user's earlier unused tokens are spent in the same transaction, so one at most is live.</summary>
    Task IssueAsync(string tokenHash, Guid userId, Guid orgId, Guid createdBy, DateTimeOffset now, DateTimeOffset expiresAt);

    Task<PasswordResetRecord?> FindAsync(string tokenHash);

    /// <summary>
    /// Spends the token and sets the password (with new security stamps on every membership) in one
    /// transaction, so a token sets at most one password.
    /// </summary>
    /// <returns>The orgs whose memberships changed stamp, or null when the token was no longer live.</returns>
    Task<IReadOnlyList<Guid>?> CompleteAsync(string tokenHash, string passwordHash, DateTimeOffset now);
}
