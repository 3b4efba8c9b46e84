using MolDash.GrainInterfaces.Cache;
using MolDash.Grains.Persistence;
using Npgsql;

namespace MolDash.Grains.Cache;

public sealed class PostgresCacheRecords(OrgResultsDatabases databases) : ICacheRecords
{
    public async Task UpsertAsync(Guid orgId, CacheEntryView entry, CancellationToken cancellationToken)
    {
        await using var command = (await databases.ForAsync(orgId)).CreateCommand("""
            INSERT INTO cache_entries (signature, pipeline_name, pipeline_version, canonical_job_id, status, confidence_score,
                                       hit_count, created_at, last_used_at, ttl_seconds, expires_at, pinned)
            VALUES (@signature, @pipeline_name, @pipeline_version, @job, @status, @confidence, @hits, @created, @used, @ttl, @expires, @pinned)
            ON CONFLICT (signature) DO UPDATE SET
                pipeline_name = excluded.pipeline_name, pipeline_version = excluded.pipeline_version,
                canonical_job_id = excluded.canonical_job_id, status = excluded.status, confidence_score = excluded.confidence_score,
                hit_count = excluded.hit_count, created_at = excluded.created_at, last_used_at = excluded.last_used_at,
                ttl_seconds = excluded.ttl_seconds, expires_at = excluded.expires_at, pinned = excluded.pinned
            """);
        var p = command.Parameters;
        p.AddWithValue("signature", entry.Signature);
        p.AddWithValue("pipeline_name", entry.PipelineName);
        p.AddWithValue("pipeline_version", entry.PipelineVersion);
        p.AddWithValue("job", entry.CanonicalJobId);
        p.AddWithValue("status", entry.Status.ToString());
        p.AddWithValue("confidence", (object?)entry.ConfidenceScore ?? DBNull.Value);
        p.AddWithValue("hits", entry.HitCount);
        p.AddWithValue("created", entry.CreatedAt.ToUniversalTime());
        p.AddWithValue("used", entry.LastUsedAt.ToUniversalTime());
        p.AddWithValue("ttl", entry.Ttl is { } ttl ? (long)ttl.TotalSeconds : DBNull.Value);
        p.AddWithValue("expires", entry.ExpiresAt is { } expires ? expires.ToUniversalTime() : DBNull.Value);
        p.AddWithValue("pinned", entry.Pinned);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(Guid orgId, string signature, CancellationToken cancellationToken)
    {
        await using var command = (await databases.ForAsync(orgId)).CreateCommand("DELETE FROM cache_entries WHERE signature = @signature");
        command.Parameters.AddWithValue("signature", signature);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<CacheEntryPage> ListAsync(Guid orgId, CacheQuery query, string? after, int limit, CancellationToken cancellationToken)
    {
        var cursor = after is null ? null : CreatedAtCursor.Decode(after);
        var filters = new List<string>();
        await using var command = (await databases.ForAsync(orgId)).CreateCommand();
        void Filter(string sql, string name, object value)
        {
            filters.Add(sql);
            command.Parameters.AddWithValue(name, value);
        }

        if (query.PipelineName is { } name)
        {
            Filter("pipeline_name = @name", "name", name);
        }

        if (query.PipelineVersion is { } version)
        {
            Filter("pipeline_version = @version", "version", version);
        }

        if (query.Status is { } status)
        {
            Filter("status = @status", "status", status.ToString());
        }

        if (query.Pinned is { } pinned)
        {
            Filter("pinned = @pinned", "pinned", pinned);
        }

        if (cursor is not null)
        {
            Filter("(created_at, signature) < (@after_created, @after_signature)", "after_created", cursor.CreatedAt.ToUniversalTime());
            command.Parameters.AddWithValue("after_signature", cursor.Key);
        }

        command.CommandText = $"""
            SELECT signature, pipeline_name, pipeline_version, canonical_job_id, status, confidence_score, hit_count,
                   created_at, last_used_at, ttl_seconds, expires_at, pinned
            FROM cache_entries
            {(filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters))}
            ORDER BY created_at DESC, signature DESC
            LIMIT @limit
            """;
        command.Parameters.AddWithValue("limit", limit + 1);
        var items = new List<CacheEntryView>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader));
            }
        }

        if (items.Count <= limit)
        {
            return new CacheEntryPage(items, null);
        }

        items.RemoveAt(limit);
        return new CacheEntryPage(items, new CreatedAtCursor(items[^1].CreatedAt, items[^1].Signature).Encode());
    }

    public async Task<IReadOnlyList<string>> SignaturesAsync(Guid orgId, string? pipelineName, string? pipelineVersion, CancellationToken cancellationToken)
    {
        await using var command = (await databases.ForAsync(orgId)).CreateCommand("""
            SELECT signature FROM cache_entries
            WHERE (@name::text IS NULL OR pipeline_name = @name) AND (@version::text IS NULL OR pipeline_version = @version)
            """);
        command.Parameters.AddWithValue("name", (object?)pipelineName ?? DBNull.Value);
        command.Parameters.AddWithValue("version", (object?)pipelineVersion ?? DBNull.Value);
        return await SignaturesOfAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ExpiredAsync(Guid orgId, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = (await databases.ForAsync(orgId)).CreateCommand("""
            SELECT signature FROM cache_entries WHERE NOT pinned AND expires_at <= @now ORDER BY expires_at LIMIT @limit
            """);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.AddWithValue("limit", limit);
        return await SignaturesOfAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<string>> SignaturesOfAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var signatures = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            signatures.Add(reader.GetString(0));
        }

        return signatures;
    }

    private static CacheEntryView Read(NpgsqlDataReader reader) => new()
    {
        Signature = reader.GetString(0),
        PipelineName = reader.GetString(1),
        PipelineVersion = reader.GetString(2),
        CanonicalJobId = reader.GetGuid(3),
        Status = Enum.Parse<CacheEntryStatus>(reader.GetString(4)),
        ConfidenceScore = reader.GetFieldValue<double?>(5),
        HitCount = reader.GetInt64(6),
        CreatedAt = reader.GetFieldValue<DateTimeOffset>(7),
        LastUsedAt = reader.GetFieldValue<DateTimeOffset>(8),
        Ttl = reader.IsDBNull(9) ? null : TimeSpan.FromSeconds(reader.GetInt64(9)),
        ExpiresAt = reader.GetFieldValue<DateTimeOffset?>(10),
        Pinned = reader.GetBoolean(11),
    };
}
