using MolDash.GrainInterfaces.Access;

namespace MolDash.GrainInterfaces.Identity;

/// <summary>Refresh-token sessions. Called with a refresh token instead of an access token.</summary>
[AllowAnonymousCalls]
[Alias("MolDash.ISessionGrain")]
public interface ISessionGrain : IGrainWithIntegerKey
{
    /// <summary>Rotates the token: the old one is spent, a new one and the user's current roles come back.</summary>
    /// <returns>Null when the token is unknown, expired, revoked, reused, or its membership was disabled.</returns>
    [Alias("Refresh")]
    Task<SignedIn?> RefreshAsync(string refreshToken);

    /// <summary>Ends the session the token belongs to (its whole family).</summary>
    [Alias("Revoke")]
    Task RevokeAsync(string refreshToken);
}
