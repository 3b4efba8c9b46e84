using Microsoft.Extensions.Logging;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Jobs;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace MolDash.Grains.Jobs;

/// <summary>
/// Fans an org's job events out to the API replicas listening. Nothing is persisted: a replica that
/// loses its subscription resubscribes, and its clients catch up from the job's snapshot and timeline.
/// Each replica gets the events in the order they were published (Orleans does not order separate calls).
/// </summary>
[Reentrant]
[GrainType("moldash-job-feed")]
public sealed class JobFeedGrain(ILogger<JobFeedGrain> logger) : Grain, IJobFeedGrain, IOrgOwned
{
    /// <summary>Replicas renew well within this; one that stops renewing (it died) is dropped.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>A replica this far behind is dropped; it resubscribes on its next renewal.</summary>
    private const int MaxPendingEvents = 100_000;

    private readonly ObserverManager<IJobObserver> observers = new(SubscriptionLifetime, logger);
    private readonly Dictionary<IJobObserver, ObserverLane> lanes = [];

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public Task SubscribeAsync(IJobObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IJobObserver observer)
    {
        observers.Unsubscribe(observer);
        lanes.Remove(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(IReadOnlyList<JobEvent> events)
    {
        observers.ClearExpired();
        foreach (var observer in observers.ToList())
        {
            if (!lanes.TryGetValue(observer, out var lane))
            {
                lanes[observer] = lane = new ObserverLane(observer);
            }

            if (lane.Pending >= MaxPendingEvents)
            {
                logger.LogWarning("An API replica is {Pending} events behind; it is dropped until it subscribes again", lane.Pending);
                observers.Unsubscribe(observer);
                lanes.Remove(observer);
                continue;
            }

            lane.Send(OwnerOrgId, events);
        }

        foreach (var gone in lanes.Keys.Where(observer => !observers.Observers.ContainsKey(observer)).ToList())
        {
            lanes.Remove(gone);
        }

        return Task.CompletedTask;
    }
}
