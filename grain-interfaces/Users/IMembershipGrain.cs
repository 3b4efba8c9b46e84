using MolDash.GrainInterfaces.Access;

namespace MolDash.GrainInterfaces.Users;

/// <summary>
/// The live status of one user's membership of one org (key "orgId/userId", ids in "N" format). The
/// silo's access filter asks it on every call made with an org token, so a disabled member or a changed
/// role takes effect at once, not when the access token expires. Called by the filter itself, before
/// any caller is trusted.
/// </summary>
[AllowAnonymousCalls]
[Alias("MolDash.IMembershipGrain")]
public interface IMembershipGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<MembershipStatus> GetAsync();

    /// <summary>Reloads the membership after it changed.</summary>
    [Alias("Invalidate")]
    Task InvalidateAsync();
}
