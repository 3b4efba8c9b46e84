namespace MolDash.Grains.Cache;

/// <summary>Removes an org's expired cache entries on a reminder (keyed by org id). Platform-internal.</summary>
[Alias("MolDash.ICacheSweeperGrain")]
public interface ICacheSweeperGrain : IGrainWithGuidKey
{
    /// <summary>Makes sure the reminder runs; called when the org's entries get an expiry.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduledAsync();

    /// <summary>Removes what has expired now; returns how many entries.</summary>
    [Alias("Sweep")]
    Task<int> SweepAsync();
}
