using System.ComponentModel.DataAnnotations;

namespace MolDash.Silo.Configuration;

/// <summary>The Root account seeded at start-up (MOLDASH_ROOT_EMAIL, MOLDASH_ROOT_PASSWORD).</summary>
public sealed class RootAccountOptions
{
    public const string Section = "RootAccount";

    [Required, EmailAddress(ErrorMessage = "RootAccount:Email (MOLDASH_ROOT_EMAIL) must be an email address.")]
    public string Email { get; set; } = "root@moldash.local";

    /// <summary>When unset, a random password is generated on the first start and printed once.</summary>
    [MinLength(12, ErrorMessage = "RootAccount:Password (MOLDASH_ROOT_PASSWORD) must be at least 12 characters.")]
    public string? Password { get; set; }
}
