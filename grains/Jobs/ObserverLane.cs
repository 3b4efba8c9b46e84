using MolDash.GrainInterfaces.Jobs;

namespace MolDash.Grains.Jobs;

/// <summary>
/// One API replica's queue of events: one delivery at a time, so a replica sees a job's events in the order the
/// job published them, and the events published while a delivery is on its way go together in the next one, so a
/// busy org costs a replica one call per round trip rather than one per job. A slow replica holds up only its own lane.
/// Used only from its feed grain's turns, so it needs no lock.
/// </summary>
internal sealed class ObserverLane(IJobObserver observer)
{
    private List<JobEvent> waiting = [];
    private bool delivering;

    /// <summary>Events published but not yet delivered.</summary>
    public int Pending => waiting.Count;

    public void Send(Guid orgId, IReadOnlyList<JobEvent> events)
    {
        waiting.AddRange(events);
        if (!delivering)
        {
            delivering = true;
            _ = DeliverWhileWaitingAsync(orgId);
        }
    }

    private async Task DeliverWhileWaitingAsync(Guid orgId)
    {
        while (waiting.Count > 0)
        {
            var events = waiting;
            waiting = [];
            try
            {
                await observer.OnJobEventsAsync(orgId, events);
            }
            catch (Exception e) when (e is TimeoutException or OrleansException)
            {
                // The replica is gone or stuck: its clients resynchronise from the job's snapshot when they resubscribe.
            }
        }

        delivering = false;
    }
}
