using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>The PostgreSQL server stops and starts again in the middle of a steady load of job submissions.</summary>
[Collection(ReliabilityGroup.Name)]
public sealed class DatabaseRestartTests(ReliabilityCluster cluster)
{
    private static readonly LoadShape Load = LoadShape.Steady;

    /// <summary>How long the server stays down: a submission is tried every half second meanwhile, each once, to see what a client is told.</summary>
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Jobs_accepted_around_a_database_restart_all_succeed_and_submissions_while_it_is_down_are_refused_with_503()
    {
        var (before, client) = await cluster.StartRunAsync();
        using var disposeClient = client;
        var tally = client.Tally;

        var load = await SteadyLoad.StartAsync(client, Load, "database restart");
        await cluster.Postgres.StopAsync();
        var whileDown = new List<HttpStatusCode>();
        var down = Stopwatch.StartNew();
        try
        {
            while (down.Elapsed < Downtime)
            {
                whileDown.Add(await SubmitOnceAsync(cluster.ApiAddresses[whileDown.Count % cluster.ApiAddresses.Count], tally));
                await Task.Delay(500);
            }
        }
        finally
        {
            await cluster.Postgres.StartAgainAsync();
        }

        var sinceStart = Stopwatch.StartNew();
        var servedAgain = await ServeAgainProbe.MeasureAsync(client, sinceStart);
        await load;
        var statuses = await client.FinalStatusesAsync(tally.Accepted, TimeSpan.FromMinutes(2));
        var after = await EchoIdle.StatsAsync(cluster.Echo);

        var refused = whileDown.Count(status => status == HttpStatusCode.ServiceUnavailable);
        var acceptedWhileDown = whileDown.Count(status => status == HttpStatusCode.Accepted);
        var run = FaultRun.Of("Database restarted", Load.Describe(ReliabilityCluster.ApiCount),
            $"PostgreSQL stopped (fast shutdown) once a third of the load was accepted, started again {down.Elapsed.TotalSeconds:0} s later",
            tally, statuses, before, after, servedAgain,
            $"{refused} of {whileDown.Count} single submissions while it was down answered 503, {acceptedWhileDown} 202 (and completed); serving again counted from the restart");
        await ReliabilityResults.RecordAsync(run);

        Assert.All(whileDown, status => Assert.True(status is HttpStatusCode.ServiceUnavailable or HttpStatusCode.Accepted, $"answered {status} while the database was down"));
        run.AssertEveryAcceptedJobSucceededOnce();
    }

    /// <summary>One submission, not retried: what the client is told (an acceptance must then complete like any other).</summary>
    private async Task<HttpStatusCode> SubmitOnceAsync(Uri api, FaultTally tally)
    {
        using var http = PlatformUnderTest.CreateClient(api, cluster.Scenario.MemberToken);
        http.Timeout = TimeSpan.FromSeconds(40);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{JobScenario.Task}/runs") { Content = JsonContent.Create(new { parameters = new { message = "while down" } }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            tally.Accept((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("jobId").GetGuid());
        }

        return response.StatusCode;
    }
}
