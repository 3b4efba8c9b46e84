using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Identity;
using MolDash.Grains.Persistence;
using Npgsql;

namespace MolDash.Grains.Users;

public sealed class PostgresOrgMemberships(NpgsqlDataSource dataSource) : IOrgMemberships
{
    private const string SelectMember = """
        SELECT u.id, u.email, u.display_name, m.roles, m.disabled, m.created_at
        FROM memberships m JOIN users u ON u.id = m.user_id
        """;

    public async Task<(OrgUserView User, bool AccountCreated)> AddAsync(
        Guid orgId, UserAccount account, string displayName, IReadOnlyList<string> roles, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var upsert = new NpgsqlCommand("""
            WITH inserted AS (
                INSERT INTO users (id, email, display_name, password_hash, is_root, disabled, created_at)
                VALUES (@id, @email, @display_name, @password_hash, false, false, @now)
                ON CONFLICT DO NOTHING
                RETURNING id, true AS created)
            SELECT id, created FROM inserted
            UNION ALL
            SELECT id, false FROM users WHERE lower(email) = lower(@email) AND NOT EXISTS (SELECT 1 FROM inserted)
            """, connection, transaction);
        upsert.Parameters.AddWithValue("id", account.Id);
        upsert.Parameters.AddWithValue("email", account.Email);
        upsert.Parameters.AddWithValue("display_name", displayName);
        upsert.Parameters.AddWithValue("password_hash", account.PasswordHash);
        upsert.Parameters.AddWithValue("now", now);
        Guid userId;
        bool created;
        await using (var reader = await upsert.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (userId, created) = (reader.GetGuid(0), reader.GetBoolean(1));
        }

        await using var join = new NpgsqlCommand("""
            INSERT INTO memberships (user_id, org_id, roles, created_at) VALUES (@user_id, @org_id, @roles, @now)
            ON CONFLICT DO NOTHING
            """, connection, transaction);
        join.Parameters.AddWithValue("user_id", userId);
        join.Parameters.AddWithValue("org_id", orgId);
        join.Parameters.AddWithValue("roles", roles.ToArray());
        join.Parameters.AddWithValue("now", now);
        if (await join.ExecuteNonQueryAsync() == 0)
        {
            throw new MolDashException(ErrorKind.Conflict, $"{account.Email} is already a member of this organization.");
        }

        await transaction.CommitAsync();
        return ((await FindAsync(orgId, userId))!, created);
    }

    public async Task<OrgUserView?> FindAsync(Guid orgId, Guid userId)
    {
        await using var command = dataSource.CreateCommand($"{SelectMember} WHERE m.org_id = @org_id AND m.user_id = @user_id");
        command.Parameters.AddWithValue("org_id", orgId);
        command.Parameters.AddWithValue("user_id", userId);
        return (await ReadAsync(command)).SingleOrDefault();
    }

    public async Task<MembershipStatus> StatusAsync(Guid orgId, Guid userId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT NOT m.disabled AND o.status = 'Active', m.roles
            FROM memberships m JOIN organizations o ON o.id = m.org_id
            WHERE m.org_id = @org_id AND m.user_id = @user_id
            """);
        command.Parameters.AddWithValue("org_id", orgId);
        command.Parameters.AddWithValue("user_id", userId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new MembershipStatus(reader.GetBoolean(0), reader.GetFieldValue<string[]>(1))
            : new MembershipStatus(false, []);
    }

    public async Task<IReadOnlyList<OrgUserView>> ListAsync(Guid orgId, KeysetCursor? after, int limit)
    {
        await using var command = dataSource.CreateCommand($"""
            {SelectMember}
            WHERE m.org_id = @org_id AND (@after_created IS NULL OR (m.created_at, m.user_id) > (@after_created, @after_id))
            ORDER BY m.created_at, m.user_id
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("org_id", orgId);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("after_created", after?.CreatedAt));
        command.Parameters.Add(new NpgsqlParameter<Guid>("after_id", after?.Id ?? Guid.Empty));
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command);
    }

    public Task SetRolesAsync(Guid orgId, Guid userId, IReadOnlyList<string> roles) =>
        UpdateAsync("UPDATE memberships SET roles = @value WHERE org_id = @org_id AND user_id = @user_id", orgId, userId, roles.ToArray());

    public Task SetDisabledAsync(Guid orgId, Guid userId, bool disabled) =>
        UpdateAsync("UPDATE memberships SET disabled = @value WHERE org_id = @org_id AND user_id = @user_id", orgId, userId, disabled);

    public async Task<int> CountActiveAdminsAsync(Guid orgId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM memberships WHERE org_id = @org_id AND NOT disabled AND 'admin' = ANY (roles)");
        command.Parameters.AddWithValue("org_id", orgId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<Membership>> ActiveMembershipsAsync(Guid userId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT o.id, o.name, m.roles
            FROM memberships m JOIN organizations o ON o.id = m.org_id
            WHERE m.user_id = @user_id AND NOT m.disabled AND o.status = 'Active'
            ORDER BY o.name
            """);
        command.Parameters.AddWithValue("user_id", userId);
        var memberships = new List<Membership>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            memberships.Add(new Membership(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<string[]>(2)));
        }

        return memberships;
    }

    private async Task UpdateAsync<T>(string sql, Guid orgId, Guid userId, T value)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("org_id", orgId);
        command.Parameters.AddWithValue("user_id", userId);
        command.Parameters.AddWithValue("value", value!);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<OrgUserView>> ReadAsync(NpgsqlCommand command)
    {
        var users = new List<OrgUserView>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            users.Add(new OrgUserView(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<string[]>(3), reader.GetBoolean(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return users;
    }
}
