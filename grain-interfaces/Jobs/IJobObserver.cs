namespace MolDash.GrainInterfaces.Jobs;

/// <summary>An API replica listening to an org's job events, to pass them on to its SignalR clients.</summary>
[Alias("MolDash.IJobObserver")]
public interface IJobObserver : IGrainObserver
{
    /// <summary>
    /// One job's new events, in sequence order. Not one-way: the feed sends a replica its next batch only once
    /// this one is delivered, which is what keeps a job's events in order (one-way calls may run in any order).
    /// </summary>
    [Alias("OnJobEvents")]
    Task OnJobEventsAsync(Guid orgId, IReadOnlyList<JobEvent> events);
}
