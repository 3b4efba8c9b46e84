using System.ComponentModel.DataAnnotations;

namespace MolDash.Api.RateLimiting;

/// <summary>
/// How often one client address may call the anonymous endpoints that start work before anyone is signed in
/// (starting or finishing a sign-in through a provider, accepting an invitation, resetting a password).
/// </summary>
public sealed class AnonymousAuthRateLimitOptions
{
    public const string Section = "RateLimiting:AnonymousAuth";

    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
