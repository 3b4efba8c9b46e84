using System.Net.Sockets;
using MolDash.Grains.Persistence;
using Npgsql;
using Orleans.Storage;

namespace MolDash.Grains.Tests.Persistence;

/// <summary>Which failures are a database outage (a 503 to retry, the activation let go) and which are bugs that stay 500s.</summary>
public sealed class DatabaseOutageFilterTests
{
    public static readonly TheoryData<string> ShutdownStates = ["57P01", "57P02", "57P03"];

    [Fact]
    public void A_refused_connection_is_an_outage_however_deeply_it_is_wrapped()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        Assert.True(DatabaseOutageFilter.IsOutage(refused));
        Assert.True(DatabaseOutageFilter.IsOutage(new InvalidOperationException("reading state failed", refused)));
        Assert.True(DatabaseOutageFilter.IsOutage(new AggregateException(new TimeoutException(), refused)));
    }

    [Theory]
    [MemberData(nameof(ShutdownStates))]
    public void A_server_shutting_down_crashed_or_starting_is_an_outage(string sqlState) =>
        Assert.True(DatabaseOutageFilter.IsOutage(new PostgresException("the database system is shutting down", "FATAL", "FATAL", sqlState)));

    [Fact]
    public void A_write_whose_answer_was_lost_is_an_outage() =>
        Assert.True(DatabaseOutageFilter.IsOutage(new InconsistentStateException("ETag mismatch", "stored", "current")));

    [Fact]
    public void A_constraint_violation_or_a_plain_bug_is_not()
    {
        Assert.False(DatabaseOutageFilter.IsOutage(new PostgresException("duplicate key value", "ERROR", "ERROR", "23505")));
        Assert.False(DatabaseOutageFilter.IsOutage(new InvalidOperationException("a bug")));
    }
}
