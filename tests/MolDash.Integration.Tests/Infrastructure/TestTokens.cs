using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MolDash.Integration.Tests.Infrastructure;

/// <summary>Tokens made outside the API, to check what it accepts and what it refuses.</summary>
public static class TestTokens
{
    public static string Root(byte[] signingKey, TimeSpan expiresIn) =>
        Create(signingKey, expiresIn, [new Claim("sub", Guid.NewGuid().ToString()), new Claim("roles", "root")]);

    private static string Create(byte[] signingKey, TimeSpan expiresIn, Claim[] claims)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "moldash",
            Audience = "moldash-api",
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.AddMinutes(-10),
            NotBefore = now.AddMinutes(-10),
            Expires = now + expiresIn,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A root token with "alg": "none" and no signature.</summary>
    public static string WithoutSignature()
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var expires = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        return Encode("""{"alg":"none","typ":"JWT"}""") + "." +
            Encode($$"""{"iss":"moldash","aud":"moldash-api","sub":"{{Guid.NewGuid()}}","roles":"root","exp":{{expires}}}""") + ".";
    }
}
