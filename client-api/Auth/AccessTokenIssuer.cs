using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MolDash.GrainInterfaces.Identity;

namespace MolDash.Api.Auth;

/// <summary>Signs access tokens with the ring's active key; its id goes into the token's "kid" header.</summary>
public sealed class AccessTokenIssuer(IOptions<JwtOptions> options, SigningKeyRing keys, TimeProvider time)
{
    private readonly JsonWebTokenHandler handler = new();

    public IssuedToken Issue(AuthenticatedUser user)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var expires = now + settings.AccessTokenLifetime;
        var claims = new List<Claim>
        {
            new(MolDashClaims.Subject, user.UserId.ToString()),
            new(MolDashClaims.Email, user.Email),
        };
        if (user.OrgId is { } orgId)
        {
            claims.Add(new Claim(MolDashClaims.OrgId, orgId.ToString()));
        }

        if (user.SecurityStamp is { } stamp)
        {
            claims.Add(new Claim(MolDashClaims.SecurityStamp, stamp));
        }

        claims.AddRange(user.Roles.Select(role => new Claim(MolDashClaims.Role, role)));
        claims.AddRange(user.Permissions.Select(permission => new Claim(MolDashClaims.Permission, permission)));
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Active, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, expires);
    }
}
