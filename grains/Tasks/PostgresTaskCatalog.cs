using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace MolDash.Grains.Tasks;

public sealed class PostgresTaskCatalog(NpgsqlDataSource dataSource) : ITaskCatalog
{
    public async Task UpsertAsync(Guid orgId, TaskSummary summary)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO task_definitions (org_id, name, version, description, category, tags, status, operation_id, updated_at)
            VALUES (@org_id, @name, @version, @description, @category, @tags, @status, @operation_id, @updated_at)
            ON CONFLICT (org_id, name, version) DO UPDATE SET
                description = excluded.description, category = excluded.category, tags = excluded.tags,
                status = excluded.status, operation_id = excluded.operation_id, updated_at = excluded.updated_at
            """);
        command.Parameters.AddWithValue("org_id", orgId);
        command.Parameters.AddWithValue("name", summary.Name);
        command.Parameters.AddWithValue("version", summary.Version);
        command.Parameters.AddWithValue("description", summary.Description);
        command.Parameters.AddWithValue("category", summary.Category);
        command.Parameters.AddWithValue("tags", summary.Tags.ToArray());
        command.Parameters.AddWithValue("status", summary.Status.ToString());
        command.Parameters.AddWithValue("operation_id", summary.OperationId);
        command.Parameters.AddWithValue("updated_at", summary.UpdatedAt);
        await ExecuteAsync(() => command.ExecuteNonQueryAsync());
    }

    public async Task DeleteAsync(Guid orgId, string name, string version)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM task_definitions WHERE org_id = @org_id AND name = @name AND version = @version");
        command.Parameters.AddWithValue("org_id", orgId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("version", version);
        await ExecuteAsync(() => command.ExecuteNonQueryAsync());
    }

    public async Task<TaskSummaryPage> ListAsync(Guid orgId, TaskQuery query, TaskCursor? after, int limit)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT name, version, description, category, tags, status, operation_id, updated_at
            FROM task_definitions
            WHERE org_id = @org_id
              AND (@after_name IS NULL OR (name, version) > (@after_name, @after_version))
              AND (@name IS NULL OR name = @name)
              AND (@category IS NULL OR category = @category)
              AND (@tag IS NULL OR tags @> ARRAY[@tag])
              AND (@status IS NULL OR status = @status)
              AND (@search IS NULL OR name ILIKE @search OR description ILIKE @search)
            ORDER BY name, version
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("org_id", orgId);
        command.Parameters.Add(new NpgsqlParameter<string?>("after_name", NpgsqlDbType.Text) { TypedValue = after?.Name });
        command.Parameters.Add(new NpgsqlParameter<string?>("after_version", NpgsqlDbType.Text) { TypedValue = after?.Version });
        command.Parameters.Add(new NpgsqlParameter<string?>("name", NpgsqlDbType.Text) { TypedValue = query.Name });
        command.Parameters.Add(new NpgsqlParameter<string?>("category", NpgsqlDbType.Text) { TypedValue = query.Category?.ToLowerInvariant() });
        command.Parameters.Add(new NpgsqlParameter<string?>("tag", NpgsqlDbType.Text) { TypedValue = query.Tag?.ToLowerInvariant() });
        command.Parameters.Add(new NpgsqlParameter<string?>("status", NpgsqlDbType.Text) { TypedValue = query.Status?.ToString() });
        command.Parameters.Add(new NpgsqlParameter<string?>("search", NpgsqlDbType.Text) { TypedValue = query.Search is null ? null : "%" + EscapeLike(query.Search) + "%" });
        command.Parameters.AddWithValue("limit", limit + 1);

        var items = await ExecuteAsync(async () =>
        {
            var rows = new List<TaskSummary>(limit + 1);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new TaskSummary(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetFieldValue<string[]>(4), Enum.Parse<TaskDefinitionStatus>(reader.GetString(5)),
                    reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
            }

            return rows;
        });

        if (items.Count <= limit)
        {
            return new TaskSummaryPage(items, null);
        }

        items.RemoveAt(limit);
        return new TaskSummaryPage(items, new TaskCursor(items[^1].Name, items[^1].Version).Encode());
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private static async Task<T> ExecuteAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (NpgsqlException e)
        {
            // Npgsql's exceptions have no Orleans codec; the caller gets a retryable error instead.
            throw new MolDashException(ErrorKind.Unavailable, $"The task catalog is unavailable: {e.Message}");
        }
    }
}
