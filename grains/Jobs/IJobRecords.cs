using MolDash.GrainInterfaces.Jobs;

namespace MolDash.Grains.Jobs;

/// <summary>
/// The query model of jobs in each org's results database: job rows, timelines and node results. Job
/// grains write it after their own state; every write is an idempotent upsert so it can be repeated.
/// </summary>
public interface IJobRecords
{
    /// <summary>Upserts the job row, appends the events (by job and seq) and upserts the node results (by job and node).</summary>
    Task WriteAsync(Guid orgId, JobSummary job, IReadOnlyList<JobEvent> events, IReadOnlyList<NodeResult> results, CancellationToken cancellationToken);

    Task<JobSummaryPage> ListAsync(Guid orgId, JobQuery query, string? after, int limit, CancellationToken cancellationToken);

    Task<JobEventPage> EventsAsync(Guid orgId, Guid jobId, long afterSeq, int limit, CancellationToken cancellationToken);

    /// <summary>A job's node results in node id order.</summary>
    Task<NodeResultPage> ResultsAsync(Guid orgId, Guid jobId, string? after, int limit, CancellationToken cancellationToken);
}
