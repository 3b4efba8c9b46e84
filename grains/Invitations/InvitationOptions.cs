using System.ComponentModel.DataAnnotations;

namespace MolDash.Grains.Invitations;

public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>How long an invitation can be accepted.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00", ErrorMessage = "Invitations:Lifetime must be between 5 minutes and 90 days.")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}
