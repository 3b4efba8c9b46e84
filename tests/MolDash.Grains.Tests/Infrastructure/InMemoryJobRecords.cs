using System.Collections.Concurrent;
using MolDash.GrainInterfaces.Jobs;
using MolDash.Grains.Jobs;
using MolDash.Grains.Persistence;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>
/// The jobs query model's contract in memory, for grain logic tests (same ordering, paging and "never
/// backwards" rule); the PostgreSQL one runs in the integration tests.
/// </summary>
public sealed class InMemoryJobRecords : IJobRecords
{
    private readonly ConcurrentDictionary<(Guid OrgId, Guid JobId), JobRecord> jobs = new();

    public Task WriteAsync(Guid orgId, JobSummary job, IReadOnlyList<JobEvent> events, IReadOnlyList<NodeResult> results, CancellationToken cancellationToken)
    {
        var record = jobs.GetOrAdd((orgId, job.JobId), _ => new JobRecord());
        lock (record)
        {
            var seq = Math.Max(job.LastEventSeq, events.Count == 0 ? 0 : events.Max(e => e.Seq));
            foreach (var e in events)
            {
                record.Events.TryAdd(e.Seq, e);
            }

            if (record.Summary is null || record.LastEventSeq <= seq)
            {
                record.Summary = job with { LogsUri = job.LogsUri ?? record.Summary?.LogsUri };
                record.LastEventSeq = seq;
                foreach (var result in results)
                {
                    record.Results[result.NodeId] = result;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<JobSummary?> FindAsync(Guid orgId, Guid jobId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(orgId, jobId)?.Summary);

    public Task<JobSummaryPage> ListAsync(Guid orgId, JobQuery query, string? after, int limit, CancellationToken cancellationToken)
    {
        var cursor = after is null ? null : KeysetCursor.Decode(after);
        var newestFirst = query.Sort == JobSort.NewestFirst;
        var target = TargetFilter.Parse(query.Target);
        var rows = jobs.Where(row => row.Key.OrgId == orgId).Select(row => row.Value.Summary!)
            .Where(job => query.Status is null || job.Status == query.Status)
            .Where(job => query.Kind is null || job.Kind == query.Kind)
            .Where(job => target is null || (target.Version is null ? job.Target.StartsWith(target.Name + "@", StringComparison.Ordinal) : job.Target == target.Exact))
            .Where(job => query.SubmittedBy is null || job.SubmittedBy == query.SubmittedBy)
            .Where(job => query.CreatedFrom is null || job.CreatedAt >= query.CreatedFrom)
            .Where(job => query.CreatedBefore is null || job.CreatedAt < query.CreatedBefore)
            .Where(job => cursor is null || (newestFirst ? Compare(job, cursor) < 0 : Compare(job, cursor) > 0))
            .Order(Comparer<JobSummary>.Create((a, b) => newestFirst ? Compare(b, a) : Compare(a, b)))
            .Take(limit + 1).ToList();
        var next = rows.Count > limit ? new KeysetCursor(rows[limit - 1].CreatedAt, rows[limit - 1].JobId).Encode() : null;
        return Task.FromResult(new JobSummaryPage([.. rows.Take(limit)], next));
    }

    public Task<JobEventPage> EventsAsync(Guid orgId, Guid jobId, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        var events = Find(orgId, jobId)?.Events.Values.Where(e => e.Seq > afterSeq).OrderBy(e => e.Seq).Take(limit + 1).ToList() ?? [];
        return Task.FromResult(new JobEventPage([.. events.Take(limit)], events.Count > limit ? events[limit - 1].Seq : null));
    }

    public Task<NodeResultPage> ResultsAsync(Guid orgId, Guid jobId, string? after, int limit, CancellationToken cancellationToken)
    {
        var cursor = after is null ? null : NodeResultCursor.Decode(after);
        var results = Find(orgId, jobId)?.Results.Values
            .Where(r => cursor is null || string.CompareOrdinal(r.NodeId, cursor.NodeId) > 0)
            .OrderBy(r => r.NodeId, StringComparer.Ordinal).Take(limit + 1).ToList() ?? [];
        var next = results.Count > limit ? new NodeResultCursor(results[limit - 1].NodeId).Encode() : null;
        return Task.FromResult(new NodeResultPage([.. results.Take(limit)], next));
    }

    private JobRecord? Find(Guid orgId, Guid jobId) => jobs.GetValueOrDefault((orgId, jobId));

    // PostgreSQL orders uuids bytewise as written, which is the ordinal order of their "D" text.
    private static int Compare(JobSummary job, KeysetCursor position) =>
        job.CreatedAt != position.CreatedAt
            ? job.CreatedAt.CompareTo(position.CreatedAt)
            : string.CompareOrdinal(job.JobId.ToString(), position.Id.ToString());

    private static int Compare(JobSummary a, JobSummary b) => Compare(a, new KeysetCursor(b.CreatedAt, b.JobId));
}
