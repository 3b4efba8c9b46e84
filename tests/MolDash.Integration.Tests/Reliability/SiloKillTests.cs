using System.Diagnostics;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>kill -9 of one of three silos in the middle of a steady load of job submissions.</summary>
[Collection(ReliabilityGroup.Name)]
public sealed class SiloKillTests(ReliabilityCluster cluster)
{
    private static readonly LoadShape Load = LoadShape.Steady;

    [Fact]
    public async Task Every_job_accepted_around_a_silo_kill_succeeds_no_node_runs_twice_and_the_cluster_serves_again()
    {
        var (before, client) = await cluster.StartRunAsync();
        using var disposeClient = client;
        var tally = client.Tally;

        var load = await SteadyLoad.StartAsync(client, Load, "silo kill");
        var sinceKill = Stopwatch.StartNew();
        await cluster.KillSiloAsync();
        var servedAgain = await ServeAgainProbe.MeasureAsync(client, sinceKill);
        await load;
        var statuses = await client.FinalStatusesAsync(tally.Accepted, TimeSpan.FromMinutes(2));
        var after = await EchoIdle.StatsAsync(cluster.Echo);

        var run = FaultRun.Of("Silo killed", Load.Describe(ReliabilityCluster.ApiCount),
            $"kill -9 of 1 of {ReliabilityCluster.SiloCount} silos once a third of the load was accepted; {ReliabilityCluster.Membership}",
            tally, statuses, before, after, servedAgain);
        await ReliabilityResults.RecordAsync(run);

        run.AssertEveryAcceptedJobSucceededOnce();
        Assert.InRange(servedAgain, TimeSpan.Zero, TimeSpan.FromSeconds(60));
    }
}
