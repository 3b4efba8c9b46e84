using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MolDash.Grains.Identity;

/// <summary>
/// The one-time secrets MolDash hands out (refresh, invitation and password reset tokens): 256 random bits
/// for the client, their SHA-256 for the database, so a leaked table holds nothing that signs anyone in.
/// </summary>
public static class OpaqueTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
