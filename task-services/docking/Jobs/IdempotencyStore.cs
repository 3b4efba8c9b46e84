using MolDash.Docking.Validation;

namespace MolDash.Docking.Jobs;

/// <summary>
/// Idempotency-Key → the job that key started (per operation). The same key and body get that job's
/// answer without a second run; the same key with another body is refused. Keys whose run failed in
/// the service (5xx, cancelled) are forgotten so a retry runs again.
/// </summary>
public sealed class IdempotencyStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Operation, string Key), (string BodyHash, Job Job)> _entries = [];

    public Job GetOrStart(string operation, string key, string bodyHash, Func<Job> start)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((operation, key), out var entry))
            {
                if (entry.BodyHash != bodyHash)
                {
                    throw new InputException("Idempotency-Key", "was already used for a different request to this operation.");
                }

                if (!Forgettable(entry.Job))
                {
                    return entry.Job;
                }
            }

            var job = start();
            _entries[(operation, key)] = (bodyHash, job);
            return job;
        }
    }

    /// <summary>Drops entries whose job is no longer held by the job store.</summary>
    public void Prune(Func<string, bool> jobExists)
    {
        lock (_gate)
        {
            foreach (var stale in _entries.Where(e => !jobExists(e.Value.Job.Id)).Select(e => e.Key).ToList())
            {
                _entries.Remove(stale);
            }
        }
    }

    private static bool Forgettable(Job job) =>
        job.State == JobState.Cancelled || (job.State == JobState.Failed && job.Outcome?.StatusCode >= 500);
}
