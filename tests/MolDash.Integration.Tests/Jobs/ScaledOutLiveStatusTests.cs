using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Jobs;

/// <summary>Two silos and two API processes: live status reaches clients whichever replica they are connected to.</summary>
public sealed class ScaledOutLiveStatusTests : IAsyncLifetime
{
    private PlatformUnderTest platform = null!;
    private EchoService echo = null!;
    private ServiceProcess secondApi = null!;

    public async Task InitializeAsync()
    {
        platform = await PlatformUnderTest.StartAsync("scaleout");
        await platform.AddSiloAsync();
        secondApi = await platform.AddApiAsync();
        echo = await EchoService.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await echo.DisposeAsync();
        await platform.DisposeAsync();
    }

    [Fact]
    public async Task Org_and_job_subscribers_on_different_api_replicas_both_receive_every_job_to_its_end()
    {
        var scenario = await JobScenario.CreateAsync(platform, await platform.LoginAsRootAsync(), echo.Address);
        await using var orgWatcher = await LiveJobClient.ConnectAsync(platform.ApiAddress, scenario.AdminToken);
        await orgWatcher.SubscribeOrgAsync();
        await using var jobWatcher = await LiveJobClient.ConnectAsync(secondApi.BaseAddress, scenario.MemberToken);
        using var member = PlatformUnderTest.CreateClient(secondApi.BaseAddress, scenario.MemberToken);

        var jobs = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            using var submitted = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", new { parameters = new { message = $"job {i}", delayMs = i == 3 ? 6000 : 1000 } });
            submitted.EnsureSuccessStatusCode();
            jobs.Add((await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid());
        }

        // The last job runs long enough to be followed from the middle, however loaded the machine is.
        var snapshot = await jobWatcher.SubscribeJobAsync(jobs[^1]);
        Assert.Equal("Running", snapshot.GetProperty("status").GetString());
        var followed = await jobWatcher.UntilFinishedAsync(jobs[^1], TimeSpan.FromSeconds(60), snapshot.GetProperty("lastEventSeq").GetInt64());
        foreach (var jobId in jobs)
        {
            var seen = orgWatcher.Received.Any(entry => entry.GetProperty("jobId").GetGuid() == jobId && entry.GetProperty("kind").GetString() == "succeeded")
                || (await orgWatcher.UntilFinishedAsync(jobId, TimeSpan.FromSeconds(60))).Count > 0;
            Assert.True(seen);
        }

        Assert.Equal("succeeded", followed[^1].GetProperty("kind").GetString());
        Assert.Equal(snapshot.GetProperty("lastEventSeq").GetInt64() + 1, followed[0].GetProperty("seq").GetInt64());
        var everyEventOfLastJob = orgWatcher.Received.Where(entry => entry.GetProperty("jobId").GetGuid() == jobs[^1]).Select(entry => entry.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, everyEventOfLastJob.Count).Select(seq => (long)seq), everyEventOfLastJob);
    }
}
