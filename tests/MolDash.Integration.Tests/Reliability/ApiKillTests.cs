using System.Diagnostics;
using MolDash.Integration.Tests.Infrastructure;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>kill -9 of one of the two API processes while live clients follow jobs through it and a steady load goes on.</summary>
[Collection(ReliabilityGroup.Name)]
public sealed class ApiKillTests(ReliabilityCluster cluster)
{
    private const int Watchers = 3;
    private const int FollowedJobs = 3;
    private static readonly LoadShape Load = new(Submitters: 2, JobsEach: 15, Every: TimeSpan.FromMilliseconds(600), DelayMs: 400);

    [Fact]
    public async Task Live_clients_of_a_killed_api_move_to_the_other_and_get_the_final_status_they_missed()
    {
        var (before, client) = await cluster.StartRunAsync();
        using var disposeClient = client;
        var tally = client.Tally;
        var apis = cluster.ApiAddresses;
        var victim = cluster.Apis[^1];

        // Jobs long enough to still be running when the API dies; the watchers follow them through that API.
        var followed = new List<Guid>();
        for (var i = 0; i < FollowedJobs; i++)
        {
            followed.Add(await client.SubmitAsync(new { message = $"followed {i}", delayMs = 8000 }, TimeSpan.FromMinutes(1)));
        }

        var watchers = new List<FailoverLiveClient>();
        try
        {
            for (var i = 0; i < Watchers; i++)
            {
                var watcher = await FailoverLiveClient.ConnectAsync(apis, cluster.Scenario.MemberToken, apis.Count - 1);
                watchers.Add(watcher);
                foreach (var jobId in followed)
                {
                    await watcher.FollowAsync(jobId);
                }
            }

            var load = await SteadyLoad.StartAsync(client, Load, "api kill");
            var missed = followed.Count(jobId => watchers.TrueForAll(watcher => watcher.StatusOf(jobId) != "Succeeded"));
            var sinceKill = Stopwatch.StartNew();
            await cluster.KillApiAsync(victim);

            await Eventually.HoldsAsync(() => watchers.TrueForAll(watcher => watcher.Failovers > 0), TimeSpan.FromSeconds(30), "every live client reconnected to the other API");
            var failedOver = sinceKill.Elapsed;
            await Eventually.HoldsAsync(
                () => watchers.TrueForAll(watcher => followed.TrueForAll(jobId => watcher.StatusOf(jobId) == "Succeeded")),
                TimeSpan.FromMinutes(1), "every live client learned that every followed job succeeded");
            await load;
            var statuses = await client.FinalStatusesAsync(tally.Accepted, TimeSpan.FromMinutes(2));
            var after = await EchoIdle.StatsAsync(cluster.Echo);

            var run = FaultRun.Of("API process killed", Load.Describe(ReliabilityCluster.ApiCount) + $", plus {FollowedJobs} 8 s jobs followed live",
                $"kill -9 of 1 of {ReliabilityCluster.ApiCount} API processes with {Watchers} SignalR clients connected to it",
                tally, statuses, before, after, failedOver,
                $"all {Watchers} clients moved to the other API and got the final status of the {FollowedJobs} jobs ({missed} still running at the kill); serving again = all clients reconnected");
            await ReliabilityResults.RecordAsync(run);

            Assert.True(missed > 0, "the followed jobs finished before the API was killed; nothing was missed");
            Assert.All(watchers, watcher => Assert.Equal(apis[0], watcher.ConnectedTo));
            run.AssertEveryAcceptedJobSucceededOnce();
        }
        finally
        {
            foreach (var watcher in watchers)
            {
                await watcher.DisposeAsync();
            }
        }
    }
}
