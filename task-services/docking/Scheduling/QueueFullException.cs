namespace MolDash.Docking.Scheduling;

/// <summary>The bounded queue cannot take the work now; answered with 429 and Retry-After.</summary>
public sealed class QueueFullException(TimeSpan retryAfter, int requested)
    : Exception($"The docking queue is full; {requested} ligand(s) could not be admitted.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
