using System.Collections.Concurrent;
using MolDash.GrainInterfaces.Jobs;
using MolDash.Grains.Jobs;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>The jobs query model in memory, idempotent like the real one.</summary>
public sealed class InMemoryJobRecords : IJobRecords
{
    private readonly ConcurrentDictionary<Guid, JobSummary> jobs = new();
    private readonly ConcurrentDictionary<(Guid Job, long Seq), JobEvent> timeline = new();
    private readonly ConcurrentDictionary<(Guid Job, string Node), NodeResult> outcomes = new();

    public Task WriteAsync(Guid orgId, JobSummary job, IReadOnlyList<JobEvent> events, IReadOnlyList<NodeResult> results, CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate(job.JobId, job, (_, stored) => stored.LastEventSeq > job.LastEventSeq ? stored : job);
        foreach (var entry in events)
        {
            timeline.TryAdd((entry.JobId, entry.Seq), entry);
        }

        foreach (var result in results)
        {
            outcomes[(result.JobId, result.NodeId)] = result;
        }

        return Task.CompletedTask;
    }

    public Task<JobSummaryPage> ListAsync(Guid orgId, JobQuery query, string? after, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Listing is tested against PostgreSQL.");

    public Task<JobEventPage> EventsAsync(Guid orgId, Guid jobId, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        var page = timeline.Values.Where(entry => entry.JobId == jobId && entry.Seq > afterSeq).OrderBy(entry => entry.Seq).Take(limit).ToList();
        return Task.FromResult(new JobEventPage(page, page.Count == limit ? page[^1].Seq : null));
    }

    public Task<NodeResultPage> ResultsAsync(Guid orgId, Guid jobId, string? after, int limit, CancellationToken cancellationToken)
    {
        var page = outcomes.Values.Where(result => result.JobId == jobId && string.CompareOrdinal(result.NodeId, after ?? "") > 0)
            .OrderBy(result => result.NodeId, StringComparer.Ordinal).Take(limit).ToList();
        return Task.FromResult(new NodeResultPage(page, page.Count == limit ? page[^1].NodeId : null));
    }

    public JobSummary? Row(Guid jobId) => jobs.GetValueOrDefault(jobId);
}
