using MolDash.GrainInterfaces.Errors;
using MolDash.Grains.Identity;
using Npgsql;

namespace MolDash.Grains.Users;

/// <summary>The SQL that makes someone a member, inside the caller's transaction: adding a user and accepting an invitation share it.</summary>
public static class MemberRows
{
    /// <summary>Inserts the account unless its email exists already.</summary>
    /// <returns>The id of the account with that email, and whether it was created now.</returns>
    public static async Task<(Guid UserId, bool Created)> UpsertUserAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, UserAccount account, string displayName, DateTimeOffset now)
    {
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
        await using var reader = await upsert.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetGuid(0), reader.GetBoolean(1));
    }

    /// <summary>Adds the membership; a user already in the org is a conflict (the transaction is then left to roll back).</summary>
    public static async Task JoinAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, Guid orgId, string email,
        IReadOnlyList<string> roles, IReadOnlyList<string> granted, IReadOnlyList<string> withheld, DateTimeOffset now)
    {
        await using var join = new NpgsqlCommand("""
            INSERT INTO memberships (user_id, org_id, roles, permissions_granted, permissions_withheld, created_at)
            VALUES (@user_id, @org_id, @roles, @granted, @withheld, @now)
            ON CONFLICT DO NOTHING
            """, connection, transaction);
        join.Parameters.AddWithValue("user_id", userId);
        join.Parameters.AddWithValue("org_id", orgId);
        join.Parameters.AddWithValue("roles", roles.ToArray());
        join.Parameters.AddWithValue("granted", granted.ToArray());
        join.Parameters.AddWithValue("withheld", withheld.ToArray());
        join.Parameters.AddWithValue("now", now);
        if (await join.ExecuteNonQueryAsync() == 0)
        {
            throw new MolDashException(ErrorKind.Conflict, $"{email} is already a member of this organization.");
        }
    }
}
