using System.Data.Common;
using Npgsql;

namespace MolDash.Grains.Persistence;

/// <summary>
/// Every job writes the same few statements thousands of times a second at load: Npgsql prepares a statement
/// once it has run twice on a connection, so PostgreSQL stops parsing and planning it on every write. A pooled
/// connection is not reset when it goes back to the pool: the platform keeps no session state, and the reset
/// (DISCARD ALL) threw away the plans PL/pgSQL had cached for the grain-state write, so every write planned
/// its statements again. A connection string that sets these itself keeps its own values.
/// </summary>
public static class PostgresConnectionTuning
{
    private const int PreparedStatementsPerConnection = 64;

    public static string Apply(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey is true for every keyword it knows, set or not: what the
        // string itself names is read with the plain builder, keywords compared without spaces or case.
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!named.Contains(Normalize(nameof(builder.MaxAutoPrepare))))
        {
            builder.MaxAutoPrepare = PreparedStatementsPerConnection;
        }

        if (!named.Contains(Normalize(nameof(builder.AutoPrepareMinUsages))))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        if (!named.Contains(Normalize(nameof(builder.NoResetOnClose))))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static string Normalize(string keyword) => keyword.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}
