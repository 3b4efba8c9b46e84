using Orleans.Concurrency;

namespace MolDash.GrainInterfaces.Jobs;

/// <summary>An API replica listening to an org's job events, to pass them on to its SignalR clients.</summary>
[Alias("MolDash.IJobObserver")]
public interface IJobObserver : IGrainObserver
{
    /// <summary>One job's new events, in sequence order.</summary>
    [Alias("OnJobEvents")]
    [OneWay]
    Task OnJobEventsAsync(Guid orgId, IReadOnlyList<JobEvent> events);
}
