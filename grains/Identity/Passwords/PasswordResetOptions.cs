using System.ComponentModel.DataAnnotations;

namespace MolDash.Grains.Identity.Passwords;

public sealed class PasswordResetOptions
{
    public const string Section = "PasswordReset";

    /// <summary>How long a reset token can be used: short, as it stands in for the password.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = "PasswordReset:TokenLifetime must be between 5 minutes and 7 days.")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
