using Microsoft.Extensions.Logging;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Jobs;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace MolDash.Grains.Jobs;

/// <summary>
/// Fans an org's job events out to the API replicas listening. Nothing is persisted: a replica that
/// loses its subscription resubscribes, and its clients catch up from the job's snapshot and timeline.
/// </summary>
[Reentrant]
[GrainType("moldash-job-feed")]
public sealed class JobFeedGrain(ILogger<JobFeedGrain> logger) : Grain, IJobFeedGrain, IOrgOwned
{
    /// <summary>Replicas renew well within this; one that stops renewing (it died) is dropped.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IJobObserver> observers = new(SubscriptionLifetime, logger);

    public Guid OwnerOrgId => this.GetPrimaryKey();

    public Task SubscribeAsync(IJobObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IJobObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(IReadOnlyList<JobEvent> events)
    {
        observers.Notify(observer => observer.OnJobEventsAsync(OwnerOrgId, events));
        return Task.CompletedTask;
    }
}
