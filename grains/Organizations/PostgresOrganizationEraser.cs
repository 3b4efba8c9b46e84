using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace MolDash.Grains.Organizations;

public sealed class PostgresOrganizationEraser(NpgsqlDataSource dataSource, IOptions<ClusterOptions> cluster) : IOrganizationEraser
{
    public async Task RevokeSessionsAsync(Guid orgId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE refresh_tokens SET revoked_at = @now WHERE org_id = @org_id AND revoked_at IS NULL");
        command.Parameters.AddWithValue("org_id", orgId);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync();
    }

    public async Task EraseGrainStateAsync(Guid orgId)
    {
        // Org-owned grains with state are keyed "{org id:N}/…" (tasks, task services, pipelines, jobs, cache
        // entries, schedules), which Orleans keeps whole in GrainIdExtensionString, or by the org id itself (the
        // schedule directory), which it keeps as two halves in GrainIdN0/N1 beside the state's name. The
        // organization grain ("organization" state) clears its own state last.
        var halves = orgId.ToByteArray();
        await using var command = dataSource.CreateCommand("""
            DELETE FROM orleansstorage
            WHERE serviceid = @service
              AND (grainidextensionstring LIKE @prefix
                   OR (grainidextensionstring IS NULL AND grainidn0 = @n0 AND grainidn1 = @n1 AND graintypestring <> @own_state))
            """);
        command.Parameters.AddWithValue("service", cluster.Value.ServiceId);
        command.Parameters.AddWithValue("prefix", $"{orgId:N}/%");
        command.Parameters.AddWithValue("n0", BitConverter.ToInt64(halves, 0));
        command.Parameters.AddWithValue("n1", BitConverter.ToInt64(halves, 8));
        command.Parameters.AddWithValue("own_state", OrganizationGrain.StateName);
        await command.ExecuteNonQueryAsync();
    }

    public async Task EraseCatalogRowsAsync(Guid orgId, string name, DateTimeOffset deletedAt, Guid deletedBy)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""
            DELETE FROM refresh_tokens WHERE org_id = @org_id;
            DELETE FROM memberships WHERE org_id = @org_id;
            DELETE FROM task_definitions WHERE org_id = @org_id;
            DELETE FROM pipelines WHERE org_id = @org_id;
            INSERT INTO deleted_organizations (id, name, deleted_at, deleted_by) VALUES (@org_id, @name, @deleted_at, @deleted_by)
                ON CONFLICT (id) DO NOTHING;
            DELETE FROM organizations WHERE id = @org_id;
            """, connection, transaction);
        command.Parameters.AddWithValue("org_id", orgId);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("deleted_at", deletedAt);
        command.Parameters.AddWithValue("deleted_by", deletedBy);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
