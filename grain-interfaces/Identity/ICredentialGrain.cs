using MolDash.GrainInterfaces.Access;

namespace MolDash.GrainInterfaces.Identity;

/// <summary>Checks a user's password against the metadata database.</summary>
[AllowAnonymousCalls]
[Alias("MolDash.ICredentialGrain")]
public interface ICredentialGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Signs a user into one organization: <paramref name="orgId"/>, or their only one when they belong to
    /// one. Root signs into the platform as a whole.
    /// </summary>
    /// <returns>The user with the org's roles and a new session, or null when the email, password or membership do not match.</returns>
    [Alias("Verify")]
    Task<SignedIn?> VerifyPasswordAsync(string email, string password, Guid? orgId);
}
