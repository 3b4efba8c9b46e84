namespace MolDash.GrainInterfaces.Jobs;

/// <summary>
/// The live feed of an org's job events (keyed by org id): jobs publish to it, API replicas subscribe
/// and renew their subscription before it expires.
/// </summary>
[Alias("MolDash.IJobFeedGrain")]
public interface IJobFeedGrain : IGrainWithGuidKey
{
    [Alias("Subscribe")]
    Task SubscribeAsync(IJobObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IJobObserver observer);

    [Alias("Publish")]
    Task PublishAsync(IReadOnlyList<JobEvent> events);
}
