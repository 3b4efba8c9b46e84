using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.TaskServices;

/// <summary>
/// Service keys: 32 random bytes, base64url, behind a "mdsk_" prefix that secret scanners can match.
/// A key is high-entropy, so a fast hash suffices to store it; comparing takes the same time whatever matches.
/// </summary>
public static class ServiceKeys
{
    private const string Prefix = "mdsk_";

    /// <summary>The answer to any key that does not open this version, so a caller learns nothing about which tasks exist or have keys.</summary>
    public static MolDashException Refused() => new(ErrorKind.Unauthenticated,
        "The service key is missing, wrong or replaced for this task version; ask an Admin for the current key (POST …/service/credentials).");

    public static (string Key, ServiceKeyRecord Record) Create(DateTimeOffset now)
    {
        var key = Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        return (key, new ServiceKeyRecord(keyId, Hash(key), now));
    }

    public static bool Matches(ServiceKeyRecord? stored, string? presented)
    {
        // A missing key is hashed too: the answer takes as long as for a wrong one.
        var hash = Hash(presented ?? "");
        return stored is not null && CryptographicOperations.FixedTimeEquals(hash, stored.Sha256);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
