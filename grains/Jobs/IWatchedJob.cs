namespace MolDash.Grains.Jobs;

/// <summary>The side of a job grain its watchdog sees. Platform-internal.</summary>
[Alias("MolDash.IWatchedJob")]
public interface IWatchedJob : IGrainWithStringKey
{
    /// <summary>
    /// Re-dispatches every run the job has not heard the end of (same run ids), renews its slot, and retries
    /// what is not yet recorded. True once the job is finished with nothing left to record: it needs no more checks.
    /// </summary>
    [Alias("Check")]
    Task<bool> CheckAsync();
}
