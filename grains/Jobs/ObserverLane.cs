using MolDash.GrainInterfaces.Jobs;

namespace MolDash.Grains.Jobs;

/// <summary>
/// One API replica's queue of event batches: each is sent when the one before it has been delivered (or
/// failed), so a replica sees a job's events in the order the job published them, and a slow replica
/// holds up only its own lane.
/// </summary>
internal sealed class ObserverLane(IJobObserver observer)
{
    private Task tail = Task.CompletedTask;

    /// <summary>Batches published but not yet delivered.</summary>
    public int Pending { get; private set; }

    public void Send(Guid orgId, IReadOnlyList<JobEvent> events)
    {
        Pending++;
        tail = SendAfterAsync(tail, orgId, events);
    }

    private async Task SendAfterAsync(Task previous, Guid orgId, IReadOnlyList<JobEvent> events)
    {
        await previous;
        try
        {
            await observer.OnJobEventsAsync(orgId, events);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            // The replica is gone or stuck: its clients resynchronise from the job's snapshot when they resubscribe.
        }
        finally
        {
            Pending--;
        }
    }
}
