namespace MolDash.Grains.Cache;

public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>How often each org's expired cache entries are removed.</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(10);
}
