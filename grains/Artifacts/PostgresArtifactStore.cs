using MolDash.GrainInterfaces.Artifacts;
using MolDash.GrainInterfaces.Errors;
using MolDash.Grains.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace MolDash.Grains.Artifacts;

public sealed class PostgresArtifactStore(OrgResultsDatabases databases) : IArtifactStore
{
    private const string Columns = "a.id, a.file_name, a.format, a.content_type, a.size_bytes, a.sha256, a.blob_name, a.created_by, a.created_at";

    public Task<ArtifactView?> GetAsync(Guid orgId, Guid artifactId, CancellationToken cancellationToken) =>
        SingleAsync(orgId, $"SELECT {Columns} FROM artifacts a WHERE a.id = @value", artifactId, cancellationToken);

    public Task<ArtifactView?> FindByChecksumAsync(Guid orgId, string sha256, CancellationToken cancellationToken) =>
        SingleAsync(orgId, $"SELECT {Columns} FROM artifacts a WHERE a.sha256 = @value", sha256, cancellationToken);

    public Task<ArtifactView?> FindUploadAsync(Guid orgId, Guid uploadId, CancellationToken cancellationToken) =>
        SingleAsync(orgId, $"SELECT {Columns} FROM artifacts a JOIN artifact_uploads u ON u.artifact_id = a.id WHERE u.upload_id = @value", uploadId, cancellationToken);

    public async Task<(ArtifactView Artifact, bool Created)> AddAsync(Guid orgId, ArtifactView artifact, CancellationToken cancellationToken)
    {
        await using var command = (await databases.ForAsync(orgId)).CreateCommand("""
            INSERT INTO artifacts (id, blob_name, file_name, format, content_type, size_bytes, sha256, created_by, created_at)
            VALUES (@id, @blob_name, @file_name, @format, @content_type, @size_bytes, @sha256, @created_by, @created_at)
            ON CONFLICT (sha256) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", artifact.Id);
        command.Parameters.AddWithValue("blob_name", artifact.Uri);
        command.Parameters.AddWithValue("file_name", artifact.FileName);
        command.Parameters.AddWithValue("format", artifact.Format);
        command.Parameters.AddWithValue("content_type", artifact.ContentType);
        command.Parameters.AddWithValue("size_bytes", artifact.SizeBytes);
        command.Parameters.AddWithValue("sha256", artifact.Sha256);
        command.Parameters.AddWithValue("created_by", artifact.CreatedBy);
        command.Parameters.AddWithValue("created_at", artifact.CreatedAt);
        if (await ExecuteAsync(() => command.ExecuteNonQueryAsync(cancellationToken)) == 1)
        {
            return (artifact, true);
        }

        // Another upload of the same content won the race; its row is the artifact.
        var existing = await FindByChecksumAsync(orgId, artifact.Sha256, cancellationToken)
            ?? throw new MolDashException(ErrorKind.Unavailable, "The artifact store lost a row it had just reported; try again.");
        return (existing, false);
    }

    public async Task RecordUploadAsync(Guid orgId, Guid uploadId, Guid artifactId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = (await databases.ForAsync(orgId)).CreateCommand("""
            INSERT INTO artifact_uploads (upload_id, artifact_id, completed_at) VALUES (@upload_id, @artifact_id, @at)
            ON CONFLICT (upload_id) DO NOTHING
            """);
        command.Parameters.AddWithValue("upload_id", uploadId);
        command.Parameters.AddWithValue("artifact_id", artifactId);
        command.Parameters.AddWithValue("at", at);
        await ExecuteAsync(() => command.ExecuteNonQueryAsync(cancellationToken));
    }

    public async Task LinkAsync(Guid orgId, Guid jobId, string nodeId, string name, Guid artifactId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = (await databases.ForAsync(orgId)).CreateCommand("""
            INSERT INTO artifact_links (job_id, node_id, name, artifact_id, created_at) VALUES (@job_id, @node_id, @name, @artifact_id, @at)
            ON CONFLICT (job_id, node_id, name) DO UPDATE SET artifact_id = excluded.artifact_id, created_at = excluded.created_at
            """);
        command.Parameters.AddWithValue("job_id", jobId);
        command.Parameters.AddWithValue("node_id", nodeId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("artifact_id", artifactId);
        command.Parameters.AddWithValue("at", at);
        await ExecuteAsync(() => command.ExecuteNonQueryAsync(cancellationToken));
    }

    public async Task<ArtifactPage> ListAsync(Guid orgId, ArtifactQuery query, KeysetCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var command = (await databases.ForAsync(orgId)).CreateCommand($"""
            SELECT {Columns}
            FROM artifacts a
            WHERE (@after_at IS NULL OR (a.created_at, a.id) < (@after_at, @after_id))
              AND (@format IS NULL OR a.format = @format)
              AND (@job_id IS NULL OR EXISTS (SELECT 1 FROM artifact_links l WHERE l.artifact_id = a.id AND l.job_id = @job_id))
            ORDER BY a.created_at DESC, a.id DESC
            LIMIT @limit
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("after_at", NpgsqlDbType.TimestampTz) { TypedValue = after?.CreatedAt });
        command.Parameters.Add(new NpgsqlParameter<Guid?>("after_id", NpgsqlDbType.Uuid) { TypedValue = after?.Id });
        command.Parameters.Add(new NpgsqlParameter<string?>("format", NpgsqlDbType.Text) { TypedValue = query.Format });
        command.Parameters.Add(new NpgsqlParameter<Guid?>("job_id", NpgsqlDbType.Uuid) { TypedValue = query.JobId });
        command.Parameters.AddWithValue("limit", limit + 1);
        var items = await ReadAllAsync(command, cancellationToken);
        if (items.Count <= limit)
        {
            return new ArtifactPage(items, null);
        }

        items.RemoveAt(limit);
        return new ArtifactPage(items, new KeysetCursor(items[^1].CreatedAt, items[^1].Id).Encode());
    }

    public async Task<long> StoredBytesAsync(Guid orgId, CancellationToken cancellationToken)
    {
        await using var command = (await databases.ForAsync(orgId)).CreateCommand("SELECT COALESCE(SUM(size_bytes), 0)::bigint FROM artifacts");
        return await ExecuteAsync(async () => (long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    private async Task<ArtifactView?> SingleAsync<T>(Guid orgId, string sql, T value, CancellationToken cancellationToken)
    {
        await using var command = (await databases.ForAsync(orgId)).CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<T>("value", value));
        var rows = await ReadAllAsync(command, cancellationToken);
        return rows.Count > 0 ? rows[0] : null;
    }

    private static Task<List<ArtifactView>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken) =>
        ExecuteAsync(async () =>
        {
            var rows = new List<ArtifactView>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new ArtifactView(
                    reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                    reader.GetString(5), reader.GetString(6), reader.GetGuid(7), reader.GetFieldValue<DateTimeOffset>(8)));
            }

            return rows;
        });

    private static async Task<T> ExecuteAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (NpgsqlException e)
        {
            // Npgsql's exceptions have no Orleans codec; the caller gets a retryable error instead.
            throw new MolDashException(ErrorKind.Unavailable, $"The artifact store is unavailable: {e.Message}");
        }
    }
}
