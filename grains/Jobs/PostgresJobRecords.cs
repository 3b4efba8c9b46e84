using System.Collections.Concurrent;
using System.Text.Json;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.Tasks;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.Grains.Persistence;
using Npgsql;

namespace MolDash.Grains.Jobs;

/// <summary>The jobs query model in each org's results database (tables of ResultsMigrations/0003_jobs.sql).</summary>
public sealed class PostgresJobRecords(OrgResultsDatabases databases) : IJobRecords
{
    /// <summary>Jobs whose writes share one round trip at most, so a burst never makes one huge transaction.</summary>
    private const int MaxJobsPerRoundTrip = 64;

    private readonly ConcurrentDictionary<Guid, GroupCommit<JobRecordWrite>> writers = new();

    public Task WriteAsync(Guid orgId, JobSummary job, IReadOnlyList<JobEvent> events, IReadOnlyList<NodeResult> results, CancellationToken cancellationToken)
    {
        var write = new JobRecordWrite(job, events, results);
        JobWriteBatch.CheckBelongsTo(write);
        var writer = writers.GetOrAdd(orgId, org => new GroupCommit<JobRecordWrite>(writes => WriteAllAsync(org, writes), MaxJobsPerRoundTrip, static e => e is PostgresException));
        return ExecuteAsync(() => writer.WriteAsync(write).WaitAsync(cancellationToken));
    }

    private async Task WriteAllAsync(Guid orgId, IReadOnlyList<JobRecordWrite> writes)
    {
        await using var batch = JobWriteBatch.Create(await databases.ForAsync(orgId), writes);
        await batch.ExecuteNonQueryAsync();
    }

    public async Task<JobSummary?> FindAsync(Guid orgId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = (await databases.ForAsync(orgId)).CreateCommand($"SELECT {JobListingCommand.Columns} FROM jobs WHERE id = @id");
        command.Parameters.AddWithValue("id", jobId);
        return (await ReadAllAsync(command, ReadJob, cancellationToken)).SingleOrDefault();
    }

    public async Task<JobSummaryPage> ListAsync(Guid orgId, JobQuery query, string? after, int limit, CancellationToken cancellationToken)
    {
        var cursor = after is null ? null : KeysetCursor.Decode(after);
        await using var command = JobListingCommand.Create(await databases.ForAsync(orgId), query, cursor, limit + 1);
        var items = await ReadAllAsync(command, ReadJob, cancellationToken);
        if (items.Count <= limit)
        {
            return new JobSummaryPage(items, null);
        }

        items.RemoveAt(limit);
        return new JobSummaryPage(items, new KeysetCursor(items[^1].CreatedAt, items[^1].JobId).Encode());
    }

    public async Task<JobEventPage> EventsAsync(Guid orgId, Guid jobId, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var command = (await databases.ForAsync(orgId)).CreateCommand("""
            SELECT job_id, seq, at, kind, node_id, message, job_status, node_status,
                   total_nodes, succeeded_nodes, failed_nodes, running_nodes
            FROM job_events
            WHERE job_id = @job_id AND seq > @after_seq
            ORDER BY seq
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("job_id", jobId);
        command.Parameters.AddWithValue("after_seq", afterSeq);
        command.Parameters.AddWithValue("limit", limit + 1);
        var items = await ReadAllAsync(command, ReadEvent, cancellationToken);
        if (items.Count <= limit)
        {
            return new JobEventPage(items, null);
        }

        items.RemoveAt(limit);
        return new JobEventPage(items, items[^1].Seq);
    }

    public async Task<NodeResultPage> ResultsAsync(Guid orgId, Guid jobId, string? after, int limit, CancellationToken cancellationToken)
    {
        var cursor = after is null ? null : NodeResultCursor.Decode(after);
        await using var command = (await databases.ForAsync(orgId)).CreateCommand($"""
            SELECT job_id, node_id, run_id, task_name, task_version, status, attempts, instance,
                   queued_at, started_at, finished_at, output::text, confidence, error, artifacts::text
            FROM node_results
            WHERE job_id = @job_id {(cursor is null ? "" : "AND node_id > @after_node")}
            ORDER BY node_id
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("job_id", jobId);
        if (cursor is not null)
        {
            command.Parameters.AddWithValue("after_node", cursor.NodeId);
        }

        command.Parameters.AddWithValue("limit", limit + 1);
        var items = await ReadAllAsync(command, ReadResult, cancellationToken);
        if (items.Count <= limit)
        {
            return new NodeResultPage(items, null);
        }

        items.RemoveAt(limit);
        return new NodeResultPage(items, new NodeResultCursor(items[^1].NodeId).Encode());
    }

    private static JobSummary ReadJob(NpgsqlDataReader reader) => new()
    {
        JobId = reader.GetGuid(0),
        Kind = Enum.Parse<JobKind>(reader.GetString(1)),
        Target = reader.GetString(2),
        Status = Enum.Parse<JobStatus>(reader.GetString(3)),
        Priority = Enum.Parse<RunPriority>(reader.GetString(4)),
        SubmittedBy = reader.GetGuid(5),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
        StartedAt = reader.GetFieldValue<DateTimeOffset?>(7),
        FinishedAt = reader.GetFieldValue<DateTimeOffset?>(8),
        Progress = new JobProgress(reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11), reader.GetInt32(12)),
        Error = TextOrNull(reader, 13),
        LogsUri = TextOrNull(reader, 14),
    };

    private static JobEvent ReadEvent(NpgsqlDataReader reader) => new()
    {
        JobId = reader.GetGuid(0),
        Seq = reader.GetInt64(1),
        At = reader.GetFieldValue<DateTimeOffset>(2),
        Kind = reader.GetString(3),
        NodeId = TextOrNull(reader, 4),
        Message = reader.GetString(5),
        JobStatus = Enum.Parse<JobStatus>(reader.GetString(6)),
        NodeStatus = reader.IsDBNull(7) ? null : Enum.Parse<NodeStatus>(reader.GetString(7)),
        Progress = new JobProgress(reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10), reader.GetInt32(11)),
    };

    private static NodeResult ReadResult(NpgsqlDataReader reader) => new()
    {
        JobId = reader.GetGuid(0),
        NodeId = reader.GetString(1),
        RunId = reader.GetGuid(2),
        TaskName = reader.GetString(3),
        TaskVersion = reader.GetString(4),
        Status = Enum.Parse<NodeStatus>(reader.GetString(5)),
        Attempts = reader.GetInt32(6),
        Instance = TextOrNull(reader, 7),
        QueuedAt = reader.GetFieldValue<DateTimeOffset?>(8),
        StartedAt = reader.GetFieldValue<DateTimeOffset?>(9),
        FinishedAt = reader.GetFieldValue<DateTimeOffset?>(10),
        Output = reader.IsDBNull(11) ? null : new JsonText(reader.GetString(11)),
        Confidence = reader.GetFieldValue<double?>(12),
        Error = TextOrNull(reader, 13),
        Artifacts = JsonSerializer.Deserialize<List<OutputArtifact>>(reader.GetString(14), JsonSerializerOptions.Web) ?? [],
    };

    private static string? TextOrNull(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static Task<List<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        ExecuteAsync(async () =>
        {
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        });

    private static async Task ExecuteAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (NpgsqlException e)
        {
            throw Unavailable(e);
        }
    }

    private static async Task<T> ExecuteAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (NpgsqlException e)
        {
            throw Unavailable(e);
        }
    }

    // Npgsql's exceptions have no Orleans codec; the caller gets a retryable error instead.
    private static MolDashException Unavailable(NpgsqlException e) =>
        new(ErrorKind.Unavailable, $"The org's job records are unavailable: {e.Message}");
}
