using MolDash.Grains.Persistence;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using Npgsql;

namespace MolDash.Grains.Organizations;

public sealed class PostgresOrganizationCatalog(NpgsqlDataSource dataSource) : IOrganizationCatalog
{
    public async Task ReserveAsync(Guid id, string name, DateTimeOffset createdAt, Guid createdBy)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO organizations (id, name, status, created_at, created_by)
            VALUES (@id, @name, @status, @created_at, @created_by)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("status", OrganizationStatus.Provisioning.ToString());
        command.Parameters.AddWithValue("created_at", createdAt);
        command.Parameters.AddWithValue("created_by", createdBy);
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new MolDashException(ErrorKind.Conflict, $"An organization named '{name}' already exists.");
        }
    }

    public async Task SetStatusAsync(Guid id, OrganizationStatus status)
    {
        await using var command = dataSource.CreateCommand("UPDATE organizations SET status = @status WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", status.ToString());
        await command.ExecuteNonQueryAsync();
    }

    public async Task<bool> IsGoneAsync(Guid id)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM deleted_organizations WHERE id = @id)
                OR EXISTS (SELECT 1 FROM organizations WHERE id = @id AND status = @deleting)
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("deleting", OrganizationStatus.Deleting.ToString());
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public async Task<OrganizationPage> ListAsync(KeysetCursor? after, int limit)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, name, status, created_at, created_by
            FROM organizations
            WHERE @after_created IS NULL OR (created_at, id) > (@after_created, @after_id)
            ORDER BY created_at, id
            LIMIT @limit
            """);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("after_created", after?.CreatedAt));
        command.Parameters.Add(new NpgsqlParameter<Guid>("after_id", after?.Id ?? Guid.Empty));
        command.Parameters.AddWithValue("limit", limit + 1);

        var items = new List<OrganizationSummary>(limit + 1);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(new OrganizationSummary(
                reader.GetGuid(0),
                reader.GetString(1),
                Enum.Parse<OrganizationStatus>(reader.GetString(2)),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetGuid(4)));
        }

        if (items.Count <= limit)
        {
            return new OrganizationPage(items, null);
        }

        items.RemoveAt(limit);
        var last = items[^1];
        return new OrganizationPage(items, new KeysetCursor(last.CreatedAt, last.Id).Encode());
    }
}
