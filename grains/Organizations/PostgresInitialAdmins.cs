using MolDash.GrainInterfaces.Access;
using Npgsql;

namespace MolDash.Grains.Organizations;

public sealed class PostgresInitialAdmins(NpgsqlDataSource dataSource) : IInitialAdmins
{
    public async Task<bool> IsRootAccountAsync(string email)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(@email) AND is_root)");
        command.Parameters.AddWithValue("email", email);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    public async Task<InitialAdminAccount> EnsureAsync(
        Guid orgId, Guid plannedUserId, string email, string displayName, string passwordHash, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO users (id, email, display_name, password_hash, is_root, disabled, created_at)
            VALUES (@id, @email, @display_name, @password_hash, false, false, @now)
            ON CONFLICT DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", plannedUserId);
            insert.Parameters.AddWithValue("email", email);
            insert.Parameters.AddWithValue("display_name", displayName);
            insert.Parameters.AddWithValue("password_hash", passwordHash);
            insert.Parameters.AddWithValue("now", now);
            await insert.ExecuteNonQueryAsync();
        }

        Guid userId;
        await using (var find = new NpgsqlCommand("SELECT id FROM users WHERE lower(email) = lower(@email)", connection, transaction))
        {
            find.Parameters.AddWithValue("email", email);
            userId = (Guid)(await find.ExecuteScalarAsync())!;
        }

        var created = userId == plannedUserId;
        if (created)
        {
            // Inserted now, or by an attempt that died before its password was shown: either way this password is the one to show.
            await using var password = new NpgsqlCommand("UPDATE users SET password_hash = @password_hash WHERE id = @id", connection, transaction);
            password.Parameters.AddWithValue("id", userId);
            password.Parameters.AddWithValue("password_hash", passwordHash);
            await password.ExecuteNonQueryAsync();
        }

        await using (var join = new NpgsqlCommand("""
            INSERT INTO memberships (user_id, org_id, roles, created_at) VALUES (@user_id, @org_id, @roles, @now)
            ON CONFLICT (user_id, org_id) DO UPDATE SET disabled = false,
                roles = ARRAY(SELECT DISTINCT unnest(memberships.roles || EXCLUDED.roles) ORDER BY 1)
            """, connection, transaction))
        {
            join.Parameters.AddWithValue("user_id", userId);
            join.Parameters.AddWithValue("org_id", orgId);
            join.Parameters.AddWithValue("roles", new[] { MolDashRoles.Admin });
            join.Parameters.AddWithValue("now", now);
            await join.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return new InitialAdminAccount(userId, created);
    }

    public async Task SetPasswordHashAsync(Guid userId, string passwordHash)
    {
        await using var command = dataSource.CreateCommand("UPDATE users SET password_hash = @password_hash WHERE id = @id");
        command.Parameters.AddWithValue("id", userId);
        command.Parameters.AddWithValue("password_hash", passwordHash);
        await command.ExecuteNonQueryAsync();
    }
}
