using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace MolDash.Api.Auth;

/// <summary>
/// The keys access tokens are signed and checked with. Tokens name their key by id ("kid"). Rotation: add
/// the new key to Jwt:SigningKeys marked active, keep the previous one listed (or as Jwt:SigningKey) so
/// tokens it signed still validate until they expire, then remove it.
/// </summary>
public sealed partial class SigningKeyRing
{
    private const int MinimumKeyBytes = 32;

    private SigningKeyRing(SymmetricSecurityKey active, IReadOnlyList<SymmetricSecurityKey> all)
    {
        Active = active;
        All = all;
    }

    /// <summary>Signs new tokens.</summary>
    public SymmetricSecurityKey Active { get; }

    /// <summary>Every key a token may be signed with.</summary>
    public IReadOnlyList<SymmetricSecurityKey> All { get; }

    /// <summary>
    /// The active key is the list's entry marked active, or else the single Jwt:SigningKey, whose id is
    /// derived from the key itself. Any configuration problem stops the API at start with its reason.
    /// </summary>
    public static SigningKeyRing FromOptions(JwtOptions options)
    {
        var keys = new List<(SymmetricSecurityKey Key, bool Active)>();
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var bytes = Decode(options.SigningKey, "Jwt:SigningKey");
            keys.Add((new SymmetricSecurityKey(bytes) { KeyId = DerivedId(bytes) }, false));
        }

        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            var entry = options.SigningKeys[i];
            if (!KeyIdPattern().IsMatch(entry.Id))
            {
                throw new InvalidOperationException($"Jwt:SigningKeys:{i}:Id must be 1 to 64 letters, digits, '.', '_' or '-'.");
            }

            keys.Add((new SymmetricSecurityKey(Decode(entry.Key, $"Jwt:SigningKeys:{i}:Key")) { KeyId = entry.Id }, entry.Active));
        }

        if (keys.Count == 0)
        {
            throw new InvalidOperationException(
                "Jwt:SigningKey (or Jwt:SigningKeys) is required: a base64 key of at least 32 random bytes (e.g. `openssl rand -base64 48`).");
        }

        if (keys.GroupBy(key => key.Key.KeyId, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } duplicate)
        {
            throw new InvalidOperationException($"Jwt:SigningKeys has the key id '{duplicate.Key}' more than once.");
        }

        var active = keys.Where(key => key.Active).Select(key => key.Key).ToList();
        return active.Count switch
        {
            1 => new SigningKeyRing(active[0], [.. keys.Select(key => key.Key)]),
            0 when !string.IsNullOrWhiteSpace(options.SigningKey) => new SigningKeyRing(keys[0].Key, [.. keys.Select(key => key.Key)]),
            0 => throw new InvalidOperationException("Jwt:SigningKeys needs one key marked Active (or a Jwt:SigningKey to sign with)."),
            _ => throw new InvalidOperationException("Jwt:SigningKeys marks more than one key Active; exactly one signs new tokens."),
        };
    }

    private static byte[] Decode(string base64, string setting)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} is not valid base64.");
        }

        return bytes.Length >= MinimumKeyBytes
            ? bytes
            : throw new InvalidOperationException($"{setting} must decode to at least {MinimumKeyBytes} bytes.");
    }

    private static string DerivedId(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..16];

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex KeyIdPattern();
}
