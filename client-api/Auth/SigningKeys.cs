using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace MolDash.Api.Auth;

public static class SigningKeys
{
    private const int MinimumKeyBytes = 32;

    /// <summary>The HMAC key with a key id derived from it, so keys can be rotated by id.</summary>
    public static SymmetricSecurityKey FromOptions(JwtOptions options)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(options.SigningKey);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Jwt:SigningKey is not valid base64.");
        }

        if (bytes.Length < MinimumKeyBytes)
        {
            throw new InvalidOperationException($"Jwt:SigningKey must decode to at least {MinimumKeyBytes} bytes.");
        }

        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };
    }
}
