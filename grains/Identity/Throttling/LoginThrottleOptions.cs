using System.ComponentModel.DataAnnotations;

namespace MolDash.Grains.Identity.Throttling;

public sealed class LoginThrottleOptions
{
    public const string Section = "LoginThrottle";

    /// <summary>Failed attempts on one account within <see cref="Window"/> before it is locked out.</summary>
    [Range(1, 1000)]
    public int MaxFailuresPerAccount { get; set; } = 5;

    /// <summary>Failed attempts from one client address, over all accounts, before it is locked out.</summary>
    [Range(1, 10000)]
    public int MaxFailuresPerClient { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
