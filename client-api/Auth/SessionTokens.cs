using MolDash.Api.Contracts;
using MolDash.GrainInterfaces.Identity;

namespace MolDash.Api.Auth;

/// <summary>The answer to every way of signing in: an access token (also as a cookie) and the session's refresh token.</summary>
public static class SessionTokens
{
    public static LoginResponse Issue(SignedIn signedIn, AccessTokenIssuer issuer, HttpResponse response)
    {
        var token = issuer.Issue(signedIn.User);
        AccessCookie.Append(response, token);
        var lifetime = (int)Math.Round((token.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds);
        return new LoginResponse(token.Token, "Bearer", lifetime, token.ExpiresAt, signedIn.RefreshToken, signedIn.RefreshExpiresAt);
    }
}
