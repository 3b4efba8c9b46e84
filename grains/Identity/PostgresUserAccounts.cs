using Npgsql;

namespace MolDash.Grains.Identity;

public sealed class PostgresUserAccounts(NpgsqlDataSource dataSource) : IUserAccounts
{
    private const string SelectColumns = "SELECT id, email, password_hash, is_root, disabled, display_name FROM users";

    public Task<UserAccount?> FindByEmailAsync(string email) =>
        QuerySingleAsync($"{SelectColumns} WHERE lower(email) = lower(@email)", ("email", email));

    public Task<UserAccount?> FindByIdAsync(Guid id) =>
        QuerySingleAsync($"{SelectColumns} WHERE id = @id", ("id", id));

    public Task<UserAccount?> FindRootAsync() =>
        QuerySingleAsync($"{SelectColumns} WHERE is_root ORDER BY created_at LIMIT 1");

    public async Task<bool> TryInsertAsync(UserAccount account, string displayName, DateTimeOffset createdAt)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO users (id, email, display_name, password_hash, is_root, disabled, created_at)
            VALUES (@id, @email, @display_name, @password_hash, @is_root, @disabled, @created_at)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue("id", account.Id);
        command.Parameters.AddWithValue("email", account.Email);
        command.Parameters.AddWithValue("display_name", displayName);
        command.Parameters.AddWithValue("password_hash", account.PasswordHash);
        command.Parameters.AddWithValue("is_root", account.IsRoot);
        command.Parameters.AddWithValue("disabled", account.Disabled);
        command.Parameters.AddWithValue("created_at", createdAt);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task UpdateCredentialsAsync(Guid id, string email, string passwordHash)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE users SET email = @email, password_hash = @password_hash WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("email", email);
        command.Parameters.AddWithValue("password_hash", passwordHash);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<Guid>> SetPasswordAsync(Guid id, string passwordHash)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await PasswordRows.SetAsync(connection, null, id, passwordHash);
    }

    private async Task<UserAccount?> QuerySingleAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new UserAccount(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetString(5))
            : null;
    }
}
