using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.TaskServices;
using Npgsql;
using NpgsqlTypes;

namespace MolDash.Bench.Jobs;

/// <summary>
/// A realistic org of the job listing benchmark, bulk-loaded with binary COPY into the real jobs table:
/// half a year of jobs, mostly finished, over 20 tasks of 3 versions each (popular ones far more run)
/// and 50 submitters. Seeded, so every run lists the same rows.
/// </summary>
public static class JobListingData
{
    public const int Submitters = 50;
    public static readonly DateTimeOffset End = new(2026, 6, 30, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Span = TimeSpan.FromDays(180);

    public static Guid Submitter(int index) => new(index + 1, 0, 0, new byte[8]);

    public static string Task(int index) => $"task-{index:D2}";

    public static async Task LoadAsync(NpgsqlDataSource dataSource, int count, CancellationToken cancellationToken)
    {
        var random = new Random(20260630);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync("""
            COPY jobs (id, kind, target, status, priority, submitted_by, created_at, started_at, finished_at,
                       total_nodes, succeeded_nodes, failed_nodes, running_nodes, error, last_event_seq)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var i = 0; i < count; i++)
            {
                var createdAt = End - Span * random.NextDouble();
                var status = Status(random.NextDouble());
                var finished = status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;
                var total = random.Next(1, 6);
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(Guid.CreateVersion7(createdAt), NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(Kind(random.NextDouble()).ToString(), NpgsqlDbType.Text, cancellationToken);
                // Squaring skews the choice towards the first tasks: a few are popular, most are rare.
                await writer.WriteAsync($"{Task((int)(20 * Math.Pow(random.NextDouble(), 2)))}@{random.Next(1, 4)}.0.0", NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(status.ToString(), NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(RunPriority.Normal.ToString(), NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(Submitter(random.Next(Submitters)), NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(createdAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(createdAt.AddSeconds(2), NpgsqlDbType.TimestampTz, cancellationToken);
                await WriteNullableAsync(writer, finished ? createdAt.AddMinutes(3) : null, cancellationToken);
                await writer.WriteAsync(total, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(status == JobStatus.Succeeded ? total : 0, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(status == JobStatus.Failed ? 1 : 0, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(status == JobStatus.Running ? 1 : 0, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteNullAsync(cancellationToken);
                await writer.WriteAsync((long)(total * 3), NpgsqlDbType.Bigint, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE jobs", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, DateTimeOffset? value, CancellationToken cancellationToken) =>
        value is { } time ? writer.WriteAsync(time, NpgsqlDbType.TimestampTz, cancellationToken) : writer.WriteNullAsync(cancellationToken);

    private static JobStatus Status(double roll) => roll switch
    {
        < 0.85 => JobStatus.Succeeded,
        < 0.93 => JobStatus.Failed,
        < 0.96 => JobStatus.Cancelled,
        < 0.98 => JobStatus.Running,
        _ => JobStatus.Pending,
    };

    private static JobKind Kind(double roll) => roll switch
    {
        < 0.7 => JobKind.Task,
        < 0.9 => JobKind.Batch,
        _ => JobKind.Pipeline,
    };
}
