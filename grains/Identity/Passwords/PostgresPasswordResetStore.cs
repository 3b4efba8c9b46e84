using Npgsql;

namespace MolDash.Grains.Identity.Passwords;

public sealed class PostgresPasswordResetStore(NpgsqlDataSource dataSource) : IPasswordResetStore
{
    public async Task IssueAsync(string tokenHash, Guid userId, Guid orgId, Guid createdBy, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await SpendOthersAsync(connection, transaction, userId, now);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO password_resets (token_hash, user_id, org_id, created_by, created_at, expires_at)
            VALUES (@hash, @user, @org, @by, @now, @expires)
            """, connection, transaction);
        insert.Parameters.AddWithValue("hash", tokenHash);
        insert.Parameters.AddWithValue("user", userId);
        insert.Parameters.AddWithValue("org", orgId);
        insert.Parameters.AddWithValue("by", createdBy);
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("expires", expiresAt);
        await insert.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public async Task<PasswordResetRecord?> FindAsync(string tokenHash)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT user_id, org_id, expires_at, used_at IS NOT NULL FROM password_resets WHERE token_hash = @hash");
        command.Parameters.AddWithValue("hash", tokenHash);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new PasswordResetRecord(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetBoolean(3))
            : null;
    }

    public async Task<IReadOnlyList<Guid>?> CompleteAsync(string tokenHash, string passwordHash, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var spend = new NpgsqlCommand("""
            UPDATE password_resets SET used_at = @now
            WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now
            RETURNING user_id
            """, connection, transaction);
        spend.Parameters.AddWithValue("hash", tokenHash);
        spend.Parameters.AddWithValue("now", now);
        if (await spend.ExecuteScalarAsync() is not Guid userId)
        {
            return null;
        }

        var orgs = await PasswordRows.SetAsync(connection, transaction, userId, passwordHash);
        await SpendOthersAsync(connection, transaction, userId, now);
        await transaction.CommitAsync();
        return orgs;
    }

    private static async Task SpendOthersAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, DateTimeOffset now)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE password_resets SET used_at = @now WHERE user_id = @user AND used_at IS NULL", connection, transaction);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync();
    }
}
