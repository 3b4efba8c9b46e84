using System.ComponentModel.DataAnnotations;

namespace MolDash.Grains.Identity.Passwords;

public sealed class PasswordPolicyOptions
{
    public const string Section = "PasswordPolicy";

    [Range(8, 128, ErrorMessage = "PasswordPolicy:MinLength must be between 8 and 128.")]
    public int MinLength { get; set; } = 12;
}
