using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MolDash.Integration.Tests.Infrastructure;

/// <summary>Tokens made outside the API, to check what it accepts and what it refuses.</summary>
public static class TestTokens
{
    public static string Root(byte[] signingKey, TimeSpan expiresIn) =>
        Create(signingKey, [new Claim("sub", Guid.NewGuid().ToString()), new Claim("roles", "root")], expiresIn);

    /// <summary>A token with these claims, signed with <paramref name="signingKey"/> as the API's issuer would unless told otherwise.</summary>
    public static string Create(
        byte[] signingKey, IEnumerable<Claim> claims, TimeSpan expiresIn, string algorithm = SecurityAlgorithms.HmacSha256,
        string issuer = "moldash", string audience = "moldash-api")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.AddMinutes(-10),
            NotBefore = now.AddMinutes(-10),
            Expires = now + expiresIn,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey), algorithm),
        });
    }

    /// <summary>The claims of a token the API issued, as a starting point for a token that claims more.</summary>
    public static List<Claim> ClaimsOf(string token) =>
        [.. new JsonWebTokenHandler().ReadJsonWebToken(token).Claims.Where(claim => claim.Type is not ("iss" or "aud" or "exp" or "nbf" or "iat"))];

    /// <summary>The token with its payload changed and its header and signature kept: what an attacker can do without the key.</summary>
    public static string WithPayloadEdited(string token, Action<JsonObject> edit)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        edit(payload);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
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
