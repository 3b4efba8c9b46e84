using Npgsql;

namespace MolDash.Grains.Persistence;

/// <summary>
/// Every job writes the same few statements thousands of times a second at load: Npgsql prepares a statement
/// once it has run twice on a connection, so PostgreSQL stops parsing and planning it on every write.
/// A connection string that sets these itself keeps its own values.
/// </summary>
public static class PostgresConnectionTuning
{
    private const int PreparedStatementsPerConnection = 64;

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = PreparedStatementsPerConnection;
        }

        if (!builder.ContainsKey("Auto Prepare Min Usages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }
}
