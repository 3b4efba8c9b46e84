namespace MolDash.GrainInterfaces.Users;

/// <summary>
/// The users of one organization (keyed by the org id): managed by that org's Admins and by Root.
/// Membership changes of one org pass through its one activation, so the last-Admin rule holds.
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

    [Alias("SetDisabled")]
    Task<OrgUserView> SetDisabledAsync(Guid userId, bool disabled);

    /// <summary>Makes every member's live status re-read, after a change to the whole org (suspension).</summary>
    [Alias("RefreshMemberships")]
    Task RefreshMembershipsAsync();
}
