using MolDash.GrainInterfaces.Access;

namespace MolDash.GrainInterfaces.Identity;

/// <summary>Redeems password reset tokens. Called by someone who cannot sign in: the token is their credential.</summary>
[AllowAnonymousCalls]
[Alias("MolDash.IPasswordResetGrain")]
public interface IPasswordResetGrain : IGrainWithIntegerKey
{
    /// <summary>Sets the new password (the password policy applies), then ends every session of the user.</summary>
    [Alias("Reset")]
    Task ResetAsync(string token, string newPassword);
}
