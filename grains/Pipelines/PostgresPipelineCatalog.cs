using System.Text;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.Grains.Persistence;
using Npgsql;

namespace MolDash.Grains.Pipelines;

public sealed class PostgresPipelineCatalog(NpgsqlDataSource dataSource) : IPipelineCatalog
{
    public async Task UpsertAsync(PipelineSummary pipeline, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO pipelines (org_id, name, description, category, tags, visibility, published_versions, latest_version, inputs, tasks, updated_at)
            VALUES (@org, @name, @description, @category, @tags, @visibility, @published, @latest, @inputs, @tasks, @updated)
            ON CONFLICT (org_id, name) DO UPDATE SET
                description = excluded.description, category = excluded.category, tags = excluded.tags,
                visibility = excluded.visibility, published_versions = excluded.published_versions,
                latest_version = excluded.latest_version, inputs = excluded.inputs, tasks = excluded.tasks, updated_at = excluded.updated_at
            """);
        var p = command.Parameters;
        p.AddWithValue("org", pipeline.OrgId);
        p.AddWithValue("name", pipeline.Name);
        p.AddWithValue("description", pipeline.Description);
        p.AddWithValue("category", pipeline.Category);
        p.AddWithValue("tags", pipeline.Tags.ToArray());
        p.AddWithValue("visibility", pipeline.Visibility.ToString());
        p.AddWithValue("published", pipeline.PublishedVersions.ToArray());
        p.AddWithValue("latest", pipeline.LatestVersion);
        p.AddWithValue("inputs", pipeline.Inputs.ToArray());
        p.AddWithValue("tasks", pipeline.Tasks.ToArray());
        p.AddWithValue("updated", pipeline.UpdatedAt.ToUniversalTime());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordRunsAsync(Guid orgId, string name, PipelineRunStatistics runs, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE pipelines SET runs = runs + @runs, cache_hits = cache_hits + @hits, last_run_at = GREATEST(last_run_at, @at)
            WHERE org_id = @org AND name = @name
            """);
        command.Parameters.AddWithValue("runs", runs.Runs);
        command.Parameters.AddWithValue("hits", runs.CacheHits);
        command.Parameters.AddWithValue("at", runs.LastRunAt.ToUniversalTime());
        command.Parameters.AddWithValue("org", orgId);
        command.Parameters.AddWithValue("name", name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<PipelineSummaryPage> ListAsync(Guid viewerOrgId, bool includePrivate, PipelineQuery query, string? after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var sql = new StringBuilder("""
            SELECT org_id, name, description, category, tags, visibility, published_versions, latest_version, inputs, tasks,
                   updated_at, runs, cache_hits, last_run_at
            FROM pipelines
            WHERE ((org_id = @viewer AND (visibility <> 'Private' OR @private)) OR visibility = 'Public')
            """);
        command.Parameters.AddWithValue("viewer", viewerOrgId);
        command.Parameters.AddWithValue("private", includePrivate);
        if (query.PublishedOnly)
        {
            sql.Append(" AND cardinality(published_versions) > 0");
        }

        if (query.Category is { } category)
        {
            sql.Append(" AND category = @category");
            command.Parameters.AddWithValue("category", category);
        }

        if (query.Tag is { } tag)
        {
            sql.Append(" AND tags @> ARRAY[@tag]");
            command.Parameters.AddWithValue("tag", tag);
        }

        if (query.Visibility is { } visibility)
        {
            sql.Append(" AND visibility = @visibility");
            command.Parameters.AddWithValue("visibility", visibility.ToString());
        }

        if (query.Text is { } text)
        {
            sql.Append(" AND (name ILIKE @text OR description ILIKE @text)");
            command.Parameters.AddWithValue("text", "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        }

        if (after is not null)
        {
            var (afterName, afterOrg) = DecodeCursor(after);
            sql.Append(" AND (name, org_id) > (@after_name, @after_org)");
            command.Parameters.AddWithValue("after_name", afterName);
            command.Parameters.AddWithValue("after_org", afterOrg);
        }

        sql.Append(" ORDER BY name, org_id LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit + 1);
        command.CommandText = sql.ToString();
        var items = new List<PipelineSummary>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new PipelineSummary
                {
                    OrgId = reader.GetGuid(0),
                    Name = reader.GetString(1),
                    Description = reader.GetString(2),
                    Category = reader.GetString(3),
                    Tags = reader.GetFieldValue<string[]>(4),
                    Visibility = Enum.Parse<PipelineVisibility>(reader.GetString(5)),
                    PublishedVersions = reader.GetFieldValue<string[]>(6),
                    LatestVersion = reader.GetString(7),
                    Inputs = reader.GetFieldValue<string[]>(8),
                    Tasks = reader.GetFieldValue<string[]>(9),
                    UpdatedAt = reader.GetFieldValue<DateTimeOffset>(10),
                    Runs = reader.GetInt64(11),
                    CacheHits = reader.GetInt64(12),
                    LastRunAt = reader.GetFieldValue<DateTimeOffset?>(13),
                });
            }
        }

        if (items.Count <= limit)
        {
            return new PipelineSummaryPage(items, null);
        }

        items.RemoveAt(limit);
        return new PipelineSummaryPage(items, OpaqueCursor.Encode($"{items[^1].OrgId:N}/{items[^1].Name}"));
    }

    private static (string Name, Guid OrgId) DecodeCursor(string cursor)
    {
        var (org, name) = OpaqueCursor.Split(OpaqueCursor.Decode(cursor), '/');
        return Guid.TryParseExact(org, "N", out var orgId) ? (name, orgId) : throw OpaqueCursor.Foreign();
    }
}
