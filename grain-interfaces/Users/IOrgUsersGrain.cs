namespace MolDash.GrainInterfaces.Users;

/// <summary>
/// The users of one organization (keyed by the org id): managed by members holding user.manage (the org's
/// Admins by default) and by Root. Membership changes of one org pass through its one activation, so the
/// last-Admin and last-manager rules hold.
/// </summary>
[Alias("MolDash.IOrgUsersGrain")]
public interface IOrgUsersGrain : IGrainWithGuidKey
{
    /// <summary>Adds a user to the org, creating the account when the email is new to the platform.</summary>
    /// <param name="password">Null to have one generated and returned once.</param>
    [Alias("Create")]
    Task<CreatedOrgUser> CreateAsync(string email, string displayName, string? password, IReadOnlyList<string> roles);

    [Alias("List")]
    Task<OrgUserPage> ListAsync(string? after, int limit);

    [Alias("Get")]
    Task<OrgUserView> GetAsync(Guid userId);

    [Alias("SetRoles")]
    Task<OrgUserView> SetRolesAsync(Guid userId, IReadOnlyList<string> roles);

    /// <summary>Replaces the permissions granted beyond the user's roles and those withheld from them.</summary>
    [Alias("SetPermissions")]
    Task<OrgUserView> SetPermissionsAsync(Guid userId, IReadOnlyList<string> grant, IReadOnlyList<string> withhold);

    [Alias("SetDisabled")]
    Task<OrgUserView> SetDisabledAsync(Guid userId, bool disabled);

    /// <summary>A single-use token with which the user sets a new password; it replaces any earlier one not yet used.</summary>
    [Alias("IssuePasswordReset")]
    Task<PasswordResetTicket> IssuePasswordResetAsync(Guid userId);

    /// <summary>Makes every member's live status re-read, after a change to the whole org (suspension).</summary>
    [Alias("RefreshMemberships")]
    Task RefreshMembershipsAsync();
}
