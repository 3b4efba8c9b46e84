using MolDash.Grains.Persistence;
using Npgsql;

namespace MolDash.Grains.Tests.Persistence;

public sealed class PostgresConnectionTuningTests
{
    [Fact]
    public void A_plain_connection_string_prepares_repeated_statements_and_skips_the_reset_on_close()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionTuning.Apply("Host=db;Username=moldash"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
    }

    [Fact]
    public void Values_the_connection_string_sets_itself_are_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionTuning.Apply("Host=db;Max Auto Prepare=10;AutoPrepareMinUsages=3;no reset on close=false"));

        Assert.Equal(10, tuned.MaxAutoPrepare);
        Assert.Equal(3, tuned.AutoPrepareMinUsages);
        Assert.False(tuned.NoResetOnClose);
    }
}
