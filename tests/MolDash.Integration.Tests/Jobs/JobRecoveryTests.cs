using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Jobs;

/// <summary>Runs on a platform of its own: it kills the silo in the middle of running jobs.</summary>
public sealed class JobRecoveryTests : IAsyncLifetime
{
    private PlatformUnderTest platform = null!;
    private EchoService echo = null!;

    public async Task InitializeAsync()
    {
        platform = await PlatformUnderTest.StartAsync("recovery");
        echo = await EchoService.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await echo.DisposeAsync();
        await platform.DisposeAsync();
    }

    [Fact]
    public async Task Jobs_running_when_the_silo_is_killed_complete_after_it_restarts_with_one_result_per_node()
    {
        var scenario = await JobScenario.CreateAsync(platform, await platform.LoginAsRootAsync(), echo.Address);
        using var member = platform.CreateClient(scenario.MemberToken);
        using var single = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", new { parameters = new { message = "survivor", delayMs = 3000 } });
        var items = Enumerable.Range(0, 5).Select(i => new { message = $"ligand {i}", delayMs = 1500 + (i * 200) }).ToArray();
        using var batch = await member.PostAsJsonAsync($"{JobScenario.Task}/batches", new { items });
        var jobs = new[] { await JobIdAsync(single), await JobIdAsync(batch) };
        await WhileRunningAsync(member, jobs[0]);

        await platform.KillSiloAsync();
        await platform.StartSiloAsync();

        foreach (var jobId in jobs)
        {
            var job = await FinishedAsync(member, jobId);
            Assert.Equal("Succeeded", job.GetProperty("status").GetString());
            var nodes = job.GetProperty("nodes").GetArrayLength();
            var results = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/results?limit=50")).GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(nodes, results.Count);
            Assert.All(results, result => Assert.Equal("Succeeded", result.GetProperty("status").GetString()));
        }
    }

    private static async Task<Guid> JobIdAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
    }

    private static async Task WhileRunningAsync(HttpClient client, Guid jobId)
    {
        for (var i = 0; i < 300; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
            if (job.GetProperty("nodes")[0].GetProperty("status").GetString() == "Running")
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The job never started running.");
    }

    /// <summary>Like <see cref="JobScenario.FinishedAsync"/>, but rides out the minutes the cluster is coming back (503s, timeouts).</summary>
    private static async Task<JsonElement> FinishedAsync(HttpClient client, Guid jobId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync($"/api/v1/jobs/{jobId}");
            if (response.IsSuccessStatusCode)
            {
                var job = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (job.GetProperty("status").GetString() is "Succeeded" or "Failed" or "Cancelled")
                {
                    return job;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Job {jobId} did not finish within two minutes of the silo's restart.");
    }
}
