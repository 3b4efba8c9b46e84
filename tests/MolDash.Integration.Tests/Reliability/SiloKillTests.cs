using System.Diagnostics;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>kill -9 of one of three silos in the middle of a steady load of job submissions.</summary>
[Collection(ReliabilityGroup.Name)]
public sealed class SiloKillTests(ReliabilityCluster cluster)
{
    private static readonly LoadShape Load = new(Submitters: 3, JobsEach: 15, Every: TimeSpan.FromMilliseconds(600), DelayMs: 400);

    [Fact]
    public async Task Every_job_accepted_around_a_silo_kill_succeeds_no_node_runs_twice_and_the_cluster_serves_again()
    {
        await cluster.RestoreAsync();
        var before = await EchoIdle.StatsAsync(cluster.Echo);
        var tally = new FaultTally();
        using var client = cluster.Client(tally);

        var load = SteadyLoad.RunAsync(client, Load, "silo kill");
        await SteadyLoad.UntilAcceptedAsync(tally, Load.Total / 3);
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

        Assert.Equal(tally.AcceptedCount, run.Succeeded);
        Assert.Equal(0, run.Lost);
        Assert.Equal(0, run.Duplicates);
        Assert.Equal(0, run.ServerErrors);
        Assert.InRange(servedAgain, TimeSpan.Zero, TimeSpan.FromSeconds(60));
    }
}
