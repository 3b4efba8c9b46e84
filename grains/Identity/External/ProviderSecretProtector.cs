using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Identity.External;

/// <summary>
/// Encrypts client secrets with AES-GCM under a key from configuration, bound to their provider's name, so
/// the metadata database alone (a dump, a backup) never reveals them.
/// </summary>
public sealed class ProviderSecretProtector(IOptions<IdentityProviderOptions> options)
{
    private const string Prefix = "aesgcm1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public string Protect(string provider, string secret)
    {
        using var aes = new AesGcm(Key(), TagBytes);
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(provider));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    public string Unprotect(string provider, string protectedSecret)
    {
        var sealedBytes = Convert.FromBase64String(protectedSecret[Prefix.Length..]);
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(Key(), TagBytes);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain,
                Encoding.UTF8.GetBytes(provider));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new MolDashException(ErrorKind.Unavailable,
                $"The client secret of provider '{provider}' cannot be decrypted: IdentityProviders:SecretKey changed since it was saved; save the secret again.");
        }

        return Encoding.UTF8.GetString(plain);
    }

    private byte[] Key()
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(options.Value.SecretKey);
        }
        catch (FormatException)
        {
            key = [];
        }

        return key.Length == 32
            ? key
            : throw new MolDashException(ErrorKind.Unavailable,
                "External sign-in is not set up on this installation: IdentityProviders:SecretKey must be a base64 key of 32 bytes (`openssl rand -base64 32`).");
    }
}
