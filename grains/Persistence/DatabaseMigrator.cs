using Microsoft.Extensions.Logging;
using Npgsql;

namespace MolDash.Grains.Persistence;

/// <summary>
/// Applies a set of embedded SQL migrations (see <see cref="MigrationSet"/>) in name order, each once.
/// Safe to run from several silos at the same time: an advisory lock serialises them, and every
/// migration is recorded with its checksum in the same transaction that applies it.
/// </summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    private const long AdvisoryLockKey = 0x4D6F6C44617368; // "MolDash"

    /// <summary>Creates the database named in the connection string when it does not exist yet.</summary>
    public static async Task EnsureDatabaseExistsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var (connection, database) = await OpenMaintenanceAsync(connectionString, cancellationToken);
        await using (connection)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return;
            }

            await using var create = new NpgsqlCommand($"CREATE DATABASE {Quoted(database)}", connection);
            try
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another process created it between our check and our create.
            }
        }
    }

    /// <summary>Drops the database named in the connection string, ending the sessions still connected to it.</summary>
    public static async Task DropDatabaseIfExistsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var (connection, database) = await OpenMaintenanceAsync(connectionString, cancellationToken);
        await using (connection)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Quoted(database)} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<string>> MigrateAsync(MigrationSet set, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", AdvisoryLockKey));
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS moldash_schema_migrations (
                    id text PRIMARY KEY,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var newlyApplied = new List<string>();
            foreach (var migration in set.Migrations)
            {
                if (applied.TryGetValue(migration.Id, out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {migration.Id} was changed after it was applied; add a new migration instead.");
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await ExecuteAsync(connection, transaction,
                    "INSERT INTO moldash_schema_migrations (id, checksum) VALUES (@id, @checksum)",
                    cancellationToken, ("id", migration.Id), ("checksum", migration.Checksum));
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {MigrationId}", migration.Id);
                newlyApplied.Add(migration.Id);
            }

            return newlyApplied;
        }
        finally
        {
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey));
        }
    }

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT id, checksum FROM moldash_schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A connection to the server's "postgres" database, from which databases are created and dropped.</summary>
    private static async Task<(NpgsqlConnection Connection, string Database)> OpenMaintenanceAsync(
        string connectionString, CancellationToken cancellationToken)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new InvalidOperationException("The connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(maintenance.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return (connection, database);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string Quoted(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
