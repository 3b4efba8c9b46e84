using System.Security.Cryptography;

namespace MolDash.Grains.Identity;

/// <summary>Unguessable strings that travel in URLs, forms and passwords: random bytes in unpadded base64url.</summary>
public static class RandomSecrets
{
    public static string UrlSafe(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
