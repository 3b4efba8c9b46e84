using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.Grains.TaskServices;

/// <summary>
/// Runs waiting for an instance: a higher priority always goes first; within a priority the orgs take
/// turns (one run each, round robin), so one org's burst cannot starve the others. Within an org, first
/// in, first out. Not thread-safe: it lives inside one grain activation.
/// </summary>
public sealed class PendingRuns<T> where T : notnull
{
    private readonly Dictionary<RunPriority, PriorityLane> lanes =
        Enum.GetValues<RunPriority>().ToDictionary(priority => priority, _ => new PriorityLane());

    public int Count => lanes.Values.Sum(lane => lane.Count);

    public int DepthOf(RunPriority priority) => lanes[priority].Count;

    public void Enqueue(RunPriority priority, Guid orgId, T run) => lanes[priority].Enqueue(orgId, run);

    public bool TryDequeue(out T run)
    {
        foreach (var priority in Enum.GetValues<RunPriority>().Order())
        {
            if (lanes[priority].TryDequeue(out run))
            {
                return true;
            }
        }

        run = default!;
        return false;
    }

    /// <summary>Takes a run out of the queue before its turn (it timed out or was cancelled).</summary>
    public bool Remove(T run) => lanes.Values.Any(lane => lane.Remove(run));

    private sealed class PriorityLane
    {
        private readonly Dictionary<Guid, Queue<T>> byOrg = [];

        // The orgs with waiting runs, in the order of their next turn.
        private readonly LinkedList<Guid> turns = new();

        public int Count { get; private set; }

        public void Enqueue(Guid orgId, T run)
        {
            if (!byOrg.TryGetValue(orgId, out var queue))
            {
                byOrg[orgId] = queue = new Queue<T>();
                turns.AddLast(orgId);
            }

            queue.Enqueue(run);
            Count++;
        }

        public bool TryDequeue(out T run)
        {
            if (turns.First is not { } next)
            {
                run = default!;
                return false;
            }

            var orgId = next.Value;
            turns.RemoveFirst();
            var queue = byOrg[orgId];
            run = queue.Dequeue();
            Count--;
            if (queue.Count > 0)
            {
                turns.AddLast(orgId);
            }
            else
            {
                byOrg.Remove(orgId);
            }

            return true;
        }

        public bool Remove(T run)
        {
            foreach (var (orgId, queue) in byOrg)
            {
                if (!queue.Contains(run))
                {
                    continue;
                }

                var kept = new Queue<T>(queue.Where(waiting => !EqualityComparer<T>.Default.Equals(waiting, run)));
                Count -= queue.Count - kept.Count;
                if (kept.Count == 0)
                {
                    byOrg.Remove(orgId);
                    turns.Remove(orgId);
                }
                else
                {
                    byOrg[orgId] = kept;
                }

                return true;
            }

            return false;
        }
    }
}
