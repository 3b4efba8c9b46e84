using MolDash.GrainInterfaces.Jobs;

namespace MolDash.Grains.Jobs;

/// <summary>
/// The query model of jobs in each org's results database: job rows, timelines and node results. Job
/// grains write it after their own state; every write is an idempotent upsert so it can be repeated.
/// </summary>
public interface IJobRecords
{
    /// <summary>Upserts the job row, appends the events (by job and seq) and upserts the node results (by job and node).</summary>
    /// <remarks>
    /// A write stands for the job as of its summary's <see cref="JobSummary.LastEventSeq"/> (or its highest
    /// event seq, if higher). When the stored row is
    /// already past that seq, the row and the results are left as they are (a late or repeated write never
    /// moves a job back); the events are still added where missing. So a write that changes the job carries
    /// the event of that change, as every transition appends one.
    /// </remarks>
    Task WriteAsync(Guid orgId, JobSummary job, IReadOnlyList<JobEvent> events, IReadOnlyList<NodeResult> results, CancellationToken cancellationToken);

    /// <summary>The job's row, or null when it has none.</summary>
    Task<JobSummary?> FindAsync(Guid orgId, Guid jobId, CancellationToken cancellationToken);

    Task<JobSummaryPage> ListAsync(Guid orgId, JobQuery query, string? after, int limit, CancellationToken cancellationToken);

    Task<JobEventPage> EventsAsync(Guid orgId, Guid jobId, long afterSeq, int limit, CancellationToken cancellationToken);

    /// <summary>A job's node results in node id order.</summary>
    Task<NodeResultPage> ResultsAsync(Guid orgId, Guid jobId, string? after, int limit, CancellationToken cancellationToken);
}
