using Npgsql;

namespace MolDash.Testing;

/// <summary>A PostgreSQL database of its own for one fixture, dropped when disposed.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string server;

    private TestDatabase(string name, string server)
    {
        Name = name;
        this.server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A name only; the database itself is created by whoever connects first (the silo does).</summary>
    /// <param name="server">The server's superuser connection string; the one `./moldash test` started when left out.</param>
    public static TestDatabase CreateName(string purpose, string? server = null) =>
        new($"moldash_{purpose}_{Guid.NewGuid():N}"[..40].ToLowerInvariant(), server ?? TestEnvironment.PostgresServer);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var maintenance = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
