using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>kill -9 of one of three silos in the middle of a steady load of job submissions and a docking job.</summary>
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
        var docking = await SubmitDockingAsync();
        var sinceKill = Stopwatch.StartNew();
        await cluster.KillSiloAsync();
        var servedAgain = await ServeAgainProbe.MeasureAsync(client, sinceKill);
        await load;
        var statuses = await client.FinalStatusesAsync(tally.Accepted, TimeSpan.FromMinutes(2));
        var after = await EchoIdle.StatsAsync(cluster.Echo);
        using var member = cluster.Platform.CreateClient(cluster.Scenario.MemberToken);
        var docked = await ResourcePolling.UntilAsync(
            member, $"/api/v1/jobs/{docking}", job => job.GetProperty("status").GetString() is "Succeeded" or "Failed" or "Cancelled", TimeSpan.FromMinutes(3));

        var run = FaultRun.Of("Silo killed", Load.Describe(ReliabilityCluster.ApiCount),
            $"kill -9 of 1 of {ReliabilityCluster.SiloCount} silos once a third of the load was accepted; {ReliabilityCluster.Membership}",
            tally, statuses, before, after, servedAgain,
            $"a docking job (nicotine into 1UW6) submitted just before the kill: {docked.GetProperty("status").GetString()}");
        await ReliabilityResults.RecordAsync(run);

        run.AssertEveryAcceptedJobSucceededOnce();
        Assert.InRange(servedAgain, TimeSpan.Zero, TimeSpan.FromSeconds(60));
        Assert.True(docked.GetProperty("status").GetString() == "Succeeded", docked.ToString());
        var result = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{docking}/results")).GetProperty("items")[0];
        Assert.True(result.GetProperty("output").GetProperty("results")[0].GetProperty("poses").GetArrayLength() > 0, result.ToString());
    }

    /// <summary>A real Vina run (a quick search) that is in flight when the silo dies.</summary>
    private async Task<Guid> SubmitDockingAsync()
    {
        using var member = cluster.Platform.CreateClient(cluster.Scenario.MemberToken);
        var receptor = await DockingData.UploadAsync(member, "receptor.pdb", await File.ReadAllBytesAsync(Path.Combine(DockingData.Complex, "receptor.pdb")));
        var ligand = await DockingData.UploadAsync(member, "nicotine.smi", "CN1CCC[C@H]1c1cccnc1 nicotine\n"u8.ToArray());
        var (center, size) = DockingData.Box();
        using var submitted = await member.PostAsJsonAsync("/api/v1/tasks/dock/versions/1.0.0/runs", new
        {
            parameters = new
            {
                receptor = $"artifact:{receptor}",
                receptorFormat = "pdb",
                ligand = $"artifact:{ligand}",
                ligandFormat = "smiles",
                center,
                size,
                exhaustiveness = 1,
                numModes = 3,
            },
        });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        return (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
    }
}
