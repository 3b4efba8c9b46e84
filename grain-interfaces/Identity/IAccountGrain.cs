namespace MolDash.GrainInterfaces.Identity;

/// <summary>
/// A signed-in user's own account (keyed by the user id): only that user reaches it, anyone else is told
/// it does not exist.
/// </summary>
[Alias("MolDash.IAccountGrain")]
public interface IAccountGrain : IGrainWithGuidKey
{
    /// <summary>Checks the current password, sets the new one, ends every session and signs in again in the caller's org.</summary>
    [Alias("ChangePassword")]
    Task<SignedIn> ChangePasswordAsync(string currentPassword, string newPassword);

    /// <summary>Every organization the user belongs to, active or not; none for Root, who acts in all of them.</summary>
    [Alias("ListOrgs")]
    Task<IReadOnlyList<UserOrg>> ListOrgsAsync();

    /// <summary>A new session in another org the user is an active member of.</summary>
    [Alias("SwitchOrg")]
    Task<SignedIn> SwitchOrgAsync(Guid orgId);
}
