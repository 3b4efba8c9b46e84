using System.Text.Json;
using MolDash.GrainInterfaces.Audit;
using Npgsql;
using NpgsqlTypes;

namespace MolDash.Grains.Audit;

public sealed class PostgresAuditLog(NpgsqlDataSource dataSource) : IAuditLog
{
    public async Task AppendAsync(AuditRecord record)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO audit_log (occurred_at, actor_id, actor_email, org_id, action, target, outcome, client_address, details)
            VALUES (@occurred_at, @actor_id, @actor_email, @org_id, @action, @target, @outcome, @client_address, @details)
            """);
        command.Parameters.AddWithValue("occurred_at", record.OccurredAt);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("actor_id", record.ActorId));
        command.Parameters.Add(new NpgsqlParameter<string?>("actor_email", record.ActorEmail));
        command.Parameters.Add(new NpgsqlParameter<Guid?>("org_id", record.OrgId));
        command.Parameters.AddWithValue("action", record.Action);
        command.Parameters.Add(new NpgsqlParameter<string?>("target", record.Target));
        command.Parameters.AddWithValue("outcome", record.Outcome.ToString());
        command.Parameters.Add(new NpgsqlParameter<string?>("client_address", record.ClientAddress));
        command.Parameters.Add(new NpgsqlParameter("details", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(record.Details) });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, long? beforeId, int limit)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, occurred_at, actor_id, actor_email, org_id, action, target, outcome, client_address, details::text
            FROM audit_log
            WHERE (@before_id IS NULL OR id < @before_id)
              AND (@org_id IS NULL OR org_id = @org_id)
              AND (@actor_id IS NULL OR actor_id = @actor_id)
              AND (@action IS NULL OR action = @action)
              AND (@target IS NULL OR target = @target)
              AND (@from IS NULL OR occurred_at >= @from)
              AND (@to IS NULL OR occurred_at < @to)
            ORDER BY id DESC
            LIMIT @limit
            """);
        command.Parameters.Add(new NpgsqlParameter<long?>("before_id", beforeId));
        command.Parameters.Add(new NpgsqlParameter<Guid?>("org_id", query.OrgId));
        command.Parameters.Add(new NpgsqlParameter<Guid?>("actor_id", query.ActorId));
        command.Parameters.Add(new NpgsqlParameter<string?>("action", query.Action));
        command.Parameters.Add(new NpgsqlParameter<string?>("target", query.Target));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("from", query.From));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("to", query.To));
        command.Parameters.AddWithValue("limit", limit);

        var entries = new List<AuditEntry>(limit);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetGuid(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                Enum.Parse<AuditOutcome>(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetString(9)));
        }

        return entries;
    }
}
