namespace MolDash.Grains.Organizations;

/// <summary>The accounts provisioning makes for organizations' first Admins, in the metadata database.</summary>
public interface IInitialAdmins
{
    /// <summary>Whether the email is the Root account's, which never joins an organization.</summary>
    Task<bool> IsRootAccountAsync(string email);

    /// <summary>
    /// In one transaction: makes the account <paramref name="plannedUserId"/> when the email is new to the
    /// platform (or, when an earlier attempt already made it, gives it <paramref name="passwordHash"/> again,
    /// since that attempt's password was never shown), and makes the email's account an Admin of the org.
    /// An account that existed before keeps its password.
    /// </summary>
    Task<InitialAdminAccount> EnsureAsync(
        Guid orgId, Guid plannedUserId, string email, string displayName, string passwordHash, DateTimeOffset now);

    Task SetPasswordHashAsync(Guid userId, string passwordHash);
}
