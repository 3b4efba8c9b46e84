using System.ComponentModel.DataAnnotations;

namespace MolDash.Api.Auth;

/// <summary>
/// Token settings. The signing keys are a single <see cref="SigningKey"/> (what `./moldash up` generates),
/// a list of <see cref="SigningKeys"/> with ids for rotation, or both while moving from one to the other:
/// see <see cref="SigningKeyRing"/> for how the active key is chosen.
/// </summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    [Required]
    public string Issuer { get; set; } = "moldash";

    [Required]
    public string Audience { get; set; } = "moldash-api";

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes; its key id is derived from it. Never committed: `./moldash up` generates one.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Keys by id: the one marked active signs, every one listed validates.</summary>
    public List<JwtSigningKeyOptions> SigningKeys { get; set; } = [];

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "Jwt:AccessTokenLifetime must be between 1 and 60 minutes.")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
