using Npgsql;

namespace MolDash.Grains.Identity.Sessions;

public sealed class PostgresRefreshTokenStore(NpgsqlDataSource dataSource) : IRefreshTokenStore
{
    public async Task AddAsync(string tokenHash, RefreshTokenRecord record, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO refresh_tokens (token_hash, family_id, user_id, org_id, created_at, expires_at)
            VALUES (@hash, @family, @user, @org, @now, @expires)
            """);
        command.Parameters.AddWithValue("hash", tokenHash);
        command.Parameters.AddWithValue("family", record.FamilyId);
        command.Parameters.AddWithValue("user", record.UserId);
        command.Parameters.Add(new NpgsqlParameter<Guid?>("org", record.OrgId));
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("expires", expiresAt);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<RefreshTokenRecord?> SpendAsync(string tokenHash, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE refresh_tokens SET used_at = @now
            WHERE token_hash = @hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > @now
            RETURNING family_id, user_id, org_id
            """);
        command.Parameters.AddWithValue("hash", tokenHash);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new RefreshTokenRecord(reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2))
            : null;
    }

    public async Task<(Guid FamilyId, bool Used)?> FamilyOfAsync(string tokenHash)
    {
        await using var command = dataSource.CreateCommand("SELECT family_id, used_at IS NOT NULL FROM refresh_tokens WHERE token_hash = @hash");
        command.Parameters.AddWithValue("hash", tokenHash);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetGuid(0), reader.GetBoolean(1)) : null;
    }

    public async Task RevokeFamilyAsync(Guid familyId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE refresh_tokens SET revoked_at = @now WHERE family_id = @family AND revoked_at IS NULL");
        command.Parameters.AddWithValue("family", familyId);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync();
    }

    public async Task RevokeUserAsync(Guid userId, Guid orgId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE refresh_tokens SET revoked_at = @now WHERE user_id = @user AND org_id = @org AND revoked_at IS NULL");
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("org", orgId);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync();
    }

    public async Task RevokeAllOfUserAsync(Guid userId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE refresh_tokens SET revoked_at = @now WHERE user_id = @user AND revoked_at IS NULL");
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync();
    }
}
