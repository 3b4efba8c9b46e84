namespace MolDash.Api.Auth;

/// <summary>One entry of Jwt:SigningKeys (Jwt__SigningKeys__0__Id, __Key, __Active).</summary>
public sealed class JwtSigningKeyOptions
{
    /// <summary>The key id ("kid") tokens signed with it carry: letters, digits, '.', '_' and '-'.</summary>
    public string Id { get; set; } = "";

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes.</summary>
    public string Key { get; set; } = "";

    /// <summary>Signs new tokens; exactly one key is active.</summary>
    public bool Active { get; set; }
}
