using MolDash.GrainInterfaces.Identity;
using MolDash.GrainInterfaces.Organizations;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Identity;
using MolDash.Grains.Persistence;
using Npgsql;

namespace MolDash.Grains.Users;

public sealed class PostgresOrgMemberships(NpgsqlDataSource dataSource) : IOrgMemberships
{
    private const string SelectMember = """
        SELECT u.id, u.email, u.display_name, m.roles, m.disabled, m.created_at, m.permissions_granted, m.permissions_withheld
        FROM memberships m JOIN users u ON u.id = m.user_id
        """;

    // Every membership change takes a new stamp, so access tokens issued before it stop working.
    private const string NewStamp = "security_stamp = gen_random_uuid()";

    public async Task<(OrgUserView User, bool AccountCreated)> AddAsync(
        Guid orgId, UserAccount account, string displayName, IReadOnlyList<string> roles, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var (userId, created) = await MemberRows.UpsertUserAsync(connection, transaction, account, displayName, now);
        await MemberRows.JoinAsync(connection, transaction, userId, orgId, account.Email, roles, [], [], now);
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
            SELECT NOT m.disabled AND o.status = 'Active', m.roles, m.permissions_granted, m.permissions_withheld, m.security_stamp
            FROM memberships m JOIN organizations o ON o.id = m.org_id
            WHERE m.org_id = @org_id AND m.user_id = @user_id
            """);
        command.Parameters.AddWithValue("org_id", orgId);
        command.Parameters.AddWithValue("user_id", userId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return new MembershipStatus(false, [], [], null);
        }

        var roles = reader.GetFieldValue<string[]>(1);
        return new MembershipStatus(reader.GetBoolean(0), roles,
            OrgPermissions.Effective(roles, reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3)), Stamp(reader, 4));
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
        UpdateAsync($"UPDATE memberships SET roles = @value, {NewStamp} WHERE org_id = @org_id AND user_id = @user_id", orgId, userId, roles.ToArray());

    public async Task SetPermissionsAsync(Guid orgId, Guid userId, IReadOnlyList<string> granted, IReadOnlyList<string> withheld)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE memberships SET permissions_granted = @granted, permissions_withheld = @withheld, {NewStamp}
            WHERE org_id = @org_id AND user_id = @user_id
            """);
        command.Parameters.AddWithValue("org_id", orgId);
        command.Parameters.AddWithValue("user_id", userId);
        command.Parameters.AddWithValue("granted", granted.ToArray());
        command.Parameters.AddWithValue("withheld", withheld.ToArray());
        await command.ExecuteNonQueryAsync();
    }

    public Task SetDisabledAsync(Guid orgId, Guid userId, bool disabled) =>
        UpdateAsync($"UPDATE memberships SET disabled = @value, {NewStamp} WHERE org_id = @org_id AND user_id = @user_id", orgId, userId, disabled);

    public async Task<int> CountActiveAdminsAsync(Guid orgId)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM memberships WHERE org_id = @org_id AND NOT disabled AND 'admin' = ANY (roles)");
        command.Parameters.AddWithValue("org_id", orgId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<int> CountOtherHoldersAsync(Guid orgId, Guid exceptUserId, string permission)
    {
        // The effective-permission rule of OrgPermissions, in SQL: (role defaults ∪ granted) \ withheld.
        await using var command = dataSource.CreateCommand("""
            SELECT count(*) FROM memberships
            WHERE org_id = @org_id AND user_id <> @user_id AND NOT disabled
              AND NOT (@permission = ANY (permissions_withheld))
              AND (roles && @granting_roles OR @permission = ANY (permissions_granted))
            """);
        command.Parameters.AddWithValue("org_id", orgId);
        command.Parameters.AddWithValue("user_id", exceptUserId);
        command.Parameters.AddWithValue("permission", permission);
        command.Parameters.AddWithValue("granting_roles", OrgPermissions.RolesGranting(permission));
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<Membership>> ActiveMembershipsAsync(Guid userId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT o.id, o.name, m.roles, m.permissions_granted, m.permissions_withheld, m.security_stamp
            FROM memberships m JOIN organizations o ON o.id = m.org_id
            WHERE m.user_id = @user_id AND NOT m.disabled AND o.status = 'Active'
            ORDER BY o.name
            """);
        command.Parameters.AddWithValue("user_id", userId);
        var memberships = new List<Membership>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var roles = reader.GetFieldValue<string[]>(2);
            memberships.Add(new Membership(reader.GetGuid(0), reader.GetString(1), roles,
                OrgPermissions.Effective(roles, reader.GetFieldValue<string[]>(3), reader.GetFieldValue<string[]>(4)), Stamp(reader, 5)));
        }

        return memberships;
    }

    public async Task<IReadOnlyList<UserOrg>> OrgsOfAsync(Guid userId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT o.id, o.name, o.status, m.roles, m.disabled
            FROM memberships m JOIN organizations o ON o.id = m.org_id
            WHERE m.user_id = @user_id
            ORDER BY o.name
            """);
        command.Parameters.AddWithValue("user_id", userId);
        var orgs = new List<UserOrg>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var (status, disabled) = (reader.GetString(2), reader.GetBoolean(4));
            orgs.Add(new UserOrg(reader.GetGuid(0), reader.GetString(1), status, reader.GetFieldValue<string[]>(3), disabled,
                !disabled && status == nameof(OrganizationStatus.Active)));
        }

        return orgs;
    }

    private static string Stamp(NpgsqlDataReader reader, int ordinal) => reader.GetGuid(ordinal).ToString("N");

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
            var roles = reader.GetFieldValue<string[]>(3);
            var (granted, withheld) = (reader.GetFieldValue<string[]>(6), reader.GetFieldValue<string[]>(7));
            users.Add(new OrgUserView(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), roles, reader.GetBoolean(4),
                reader.GetFieldValue<DateTimeOffset>(5), OrgPermissions.Of(roles, granted, withheld)));
        }

        return users;
    }
}
