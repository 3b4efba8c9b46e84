using System.ComponentModel.DataAnnotations;

namespace MolDash.Grains.Identity.Sessions;

public sealed class RefreshTokenOptions
{
    public const string Section = "Sessions";

    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00", ErrorMessage = "Sessions:RefreshTokenLifetime must be between 5 minutes and 90 days.")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);
}
