using System.ComponentModel.DataAnnotations;

namespace MolDash.Api.Auth;

public sealed class JwtOptions
{
    public const string Section = "Jwt";

    [Required]
    public string Issuer { get; set; } = "moldash";

    [Required]
    public string Audience { get; set; } = "moldash-api";

    /// <summary>Base64 HMAC-SHA256 key of at least 32 bytes. Never committed: `./moldash up` generates one.</summary>
    [Required(ErrorMessage = "Jwt:SigningKey is required: a base64 key of at least 32 random bytes (e.g. `openssl rand -base64 48`).")]
    public string SigningKey { get; set; } = "";

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "Jwt:AccessTokenLifetime must be between 1 and 60 minutes.")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
