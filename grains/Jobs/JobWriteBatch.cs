using System.Text.Json;
using MolDash.GrainInterfaces.Jobs;
using Npgsql;
using NpgsqlTypes;

namespace MolDash.Grains.Jobs;

/// <summary>
/// Job writes as a single round trip: for each job its row, its new events and its node results, each
/// statement a set-based upsert over arrays. Npgsql runs a batch in one implicit transaction, so the
/// writes land whole or not at all.
/// </summary>
public static class JobWriteBatch
{
    // A write reflects the job as of its latest event; a row already past it wins (a slow or repeated
    // write after a newer one must not move the job back). Equal seqs apply, so a retry is harmless.
    private const string UpsertJob = """
        INSERT INTO jobs (id, kind, target, status, priority, submitted_by, created_at, started_at, finished_at,
                          total_nodes, succeeded_nodes, failed_nodes, running_nodes, error, last_event_seq, logs_uri)
        VALUES (@id, @kind, @target, @status, @priority, @submitted_by, @created_at, @started_at, @finished_at,
                @total, @succeeded, @failed, @running, @error, @last_event_seq, @logs_uri)
        ON CONFLICT (id) DO UPDATE SET
            kind = excluded.kind, target = excluded.target, status = excluded.status, priority = excluded.priority,
            submitted_by = excluded.submitted_by, created_at = excluded.created_at, started_at = excluded.started_at,
            finished_at = excluded.finished_at, total_nodes = excluded.total_nodes, succeeded_nodes = excluded.succeeded_nodes,
            failed_nodes = excluded.failed_nodes, running_nodes = excluded.running_nodes, error = excluded.error,
            last_event_seq = excluded.last_event_seq, logs_uri = COALESCE(excluded.logs_uri, jobs.logs_uri), updated_at = now()
        WHERE jobs.last_event_seq <= excluded.last_event_seq
        """;

    // Events never change once written, so a repeated one is simply skipped.
    private const string InsertEvents = """
        INSERT INTO job_events (job_id, seq, at, kind, node_id, message, job_status, node_status,
                                total_nodes, succeeded_nodes, failed_nodes, running_nodes)
        SELECT @job_id, e.*
        FROM unnest(@seq, @at, @kind, @node_id, @message, @job_status, @node_status, @total, @succeeded, @failed, @running) AS e
        ON CONFLICT (job_id, seq) DO NOTHING
        """;

    // Results belong to the same snapshot as the job row: when the row kept a newer seq, this write is
    // stale and its results are too.
    private const string UpsertResults = """
        INSERT INTO node_results (job_id, node_id, run_id, task_name, task_version, status, attempts, instance,
                                  queued_at, started_at, finished_at, output, confidence, error, artifacts)
        SELECT @job_id, r.*
        FROM unnest(@node_id, @run_id, @task_name, @task_version, @status, @attempts, @instance,
                    @queued_at, @started_at, @finished_at, @output, @confidence, @error, @artifacts) AS r
        WHERE (SELECT last_event_seq FROM jobs WHERE id = @job_id) = @last_event_seq
        ON CONFLICT (job_id, node_id) DO UPDATE SET
            run_id = excluded.run_id, task_name = excluded.task_name, task_version = excluded.task_version,
            status = excluded.status, attempts = excluded.attempts, instance = excluded.instance,
            queued_at = excluded.queued_at, started_at = excluded.started_at, finished_at = excluded.finished_at,
            output = excluded.output, confidence = excluded.confidence, error = excluded.error, artifacts = excluded.artifacts
        """;

    /// <summary>The writes of one or more jobs, in order, in one batch.</summary>
    public static NpgsqlBatch Create(NpgsqlDataSource dataSource, IReadOnlyList<JobRecordWrite> writes)
    {
        var batch = dataSource.CreateBatch();
        foreach (var write in writes)
        {
            CheckBelongsTo(write);
            var (job, events, results) = write;
            var lastEventSeq = Math.Max(job.LastEventSeq, events.Count == 0 ? 0 : events.Max(e => e.Seq));
            batch.BatchCommands.Add(JobRow(job, lastEventSeq));
            if (events.Count > 0)
            {
                batch.BatchCommands.Add(EventRows(job.JobId, events));
            }

            if (results.Count > 0)
            {
                batch.BatchCommands.Add(ResultRows(job.JobId, lastEventSeq, results));
            }
        }

        return batch;
    }

    public static void CheckBelongsTo(JobRecordWrite write)
    {
        var (job, events, results) = write;
        if (events.Any(e => e.JobId != job.JobId) || results.Any(r => r.JobId != job.JobId))
        {
            throw new ArgumentException($"Every event and result of a write must belong to job {job.JobId}.");
        }

        // One statement cannot upsert the same row twice.
        if (results.Select(r => r.NodeId).Distinct(StringComparer.Ordinal).Count() != results.Count)
        {
            throw new ArgumentException("A write carries at most one result per node.");
        }
    }

    private static NpgsqlBatchCommand JobRow(JobSummary job, long lastEventSeq)
    {
        var command = new NpgsqlBatchCommand(UpsertJob);
        var p = command.Parameters;
        p.AddWithValue("id", job.JobId);
        p.AddWithValue("kind", job.Kind.ToString());
        p.AddWithValue("target", job.Target);
        p.AddWithValue("status", job.Status.ToString());
        p.AddWithValue("priority", job.Priority.ToString());
        p.AddWithValue("submitted_by", job.SubmittedBy);
        p.AddWithValue("created_at", job.CreatedAt.ToUniversalTime());
        p.Add(new NpgsqlParameter<DateTimeOffset?>("started_at", job.StartedAt?.ToUniversalTime()));
        p.Add(new NpgsqlParameter<DateTimeOffset?>("finished_at", job.FinishedAt?.ToUniversalTime()));
        p.AddWithValue("total", job.Progress.Total);
        p.AddWithValue("succeeded", job.Progress.Succeeded);
        p.AddWithValue("failed", job.Progress.Failed);
        p.AddWithValue("running", job.Progress.Running);
        p.Add(new NpgsqlParameter<string?>("error", NpgsqlDbType.Text) { TypedValue = job.Error });
        p.AddWithValue("last_event_seq", lastEventSeq);
        p.Add(new NpgsqlParameter<string?>("logs_uri", NpgsqlDbType.Text) { TypedValue = job.LogsUri });
        return command;
    }

    private static NpgsqlBatchCommand EventRows(Guid jobId, IReadOnlyList<JobEvent> events)
    {
        var command = new NpgsqlBatchCommand(InsertEvents);
        var p = command.Parameters;
        p.AddWithValue("job_id", jobId);
        p.AddWithValue("seq", events.Select(e => e.Seq).ToArray());
        p.AddWithValue("at", events.Select(e => e.At.ToUniversalTime()).ToArray());
        p.AddWithValue("kind", events.Select(e => e.Kind).ToArray());
        Text(p, "node_id", events.Select(e => e.NodeId));
        p.AddWithValue("message", events.Select(e => e.Message).ToArray());
        p.AddWithValue("job_status", events.Select(e => e.JobStatus.ToString()).ToArray());
        Text(p, "node_status", events.Select(e => e.NodeStatus?.ToString()));
        p.AddWithValue("total", events.Select(e => e.Progress.Total).ToArray());
        p.AddWithValue("succeeded", events.Select(e => e.Progress.Succeeded).ToArray());
        p.AddWithValue("failed", events.Select(e => e.Progress.Failed).ToArray());
        p.AddWithValue("running", events.Select(e => e.Progress.Running).ToArray());
        return command;
    }

    private static NpgsqlBatchCommand ResultRows(Guid jobId, long lastEventSeq, IReadOnlyList<NodeResult> results)
    {
        var command = new NpgsqlBatchCommand(UpsertResults);
        var p = command.Parameters;
        p.AddWithValue("job_id", jobId);
        p.AddWithValue("last_event_seq", lastEventSeq);
        p.AddWithValue("node_id", results.Select(r => r.NodeId).ToArray());
        p.AddWithValue("run_id", results.Select(r => r.RunId).ToArray());
        p.AddWithValue("task_name", results.Select(r => r.TaskName).ToArray());
        p.AddWithValue("task_version", results.Select(r => r.TaskVersion).ToArray());
        p.AddWithValue("status", results.Select(r => r.Status.ToString()).ToArray());
        p.AddWithValue("attempts", results.Select(r => r.Attempts).ToArray());
        Text(p, "instance", results.Select(r => r.Instance));
        Times(p, "queued_at", results.Select(r => r.QueuedAt));
        Times(p, "started_at", results.Select(r => r.StartedAt));
        Times(p, "finished_at", results.Select(r => r.FinishedAt));
        p.Add(new NpgsqlParameter("output", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = results.Select(r => r.Output?.Json).ToArray() });
        p.Add(new NpgsqlParameter("confidence", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = results.Select(r => r.Confidence).ToArray() });
        Text(p, "error", results.Select(r => r.Error));
        p.Add(new NpgsqlParameter("artifacts", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
        {
            Value = results.Select(r => JsonSerializer.Serialize(r.Artifacts, JsonSerializerOptions.Web)).ToArray(),
        });
        return command;
    }

    private static void Text(NpgsqlParameterCollection parameters, string name, IEnumerable<string?> values) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() });

    private static void Times(NpgsqlParameterCollection parameters, string name, IEnumerable<DateTimeOffset?> values) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = values.Select(v => v?.ToUniversalTime()).ToArray() });
}
