using MolDash.GrainInterfaces.Access;

namespace MolDash.GrainInterfaces.Identity;

/// <summary>Checks a user's password against the metadata database.</summary>
[AllowAnonymousCalls]
[Alias("MolDash.ICredentialGrain")]
public interface ICredentialGrain : IGrainWithIntegerKey
{
    /// <returns>The user when the email and password match an enabled account, otherwise null.</returns>
    [Alias("Verify")]
    Task<AuthenticatedUser?> VerifyPasswordAsync(string email, string password);
}
