using Npgsql;

namespace MolDash.Testing;

/// <summary>A PostgreSQL database of its own for one fixture, dropped when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A name only; the database itself is created by whoever connects first (the silo does).</summary>
    public static TestDatabase CreateName(string purpose) =>
        new($"moldash_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant());

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var server = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
