using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Api;

/// <summary>Runs on a platform of its own, since it stops and starts the silo and the API.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private PlatformUnderTest platform = null!;

    public async Task InitializeAsync() => platform = await PlatformUnderTest.StartAsync("restart");

    public async Task DisposeAsync() => await platform.DisposeAsync();

    [Fact]
    public async Task An_organization_survives_a_full_restart_of_silo_and_api()
    {
        Guid id;
        using (var client = platform.CreateClient(await platform.LoginAsRootAsync()))
        {
            using var created = await client.PostAsJsonAsync("/api/v1/orgs", new { name = "Survivor Chemistry" });
            created.EnsureSuccessStatusCode();
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        await platform.RestartAsync();

        using var after = platform.CreateClient(await platform.LoginAsRootAsync());
        var org = await after.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{id}");
        Assert.Equal("Survivor Chemistry", org.GetProperty("name").GetString());
        var page = await after.GetFromJsonAsync<JsonElement>("/api/v1/orgs");
        Assert.Single(page.GetProperty("items").EnumerateArray(), item => item.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_finished_pipeline_job_reads_back_after_a_full_restart()
    {
        await using var echo = await EchoService.StartAsync();
        var scenario = await JobScenario.CreateAsync(platform, await platform.LoginAsRootAsync(), echo.Address);
        using (var admin = platform.CreateClient(scenario.AdminToken))
        {
            var graph = new
            {
                nodes = new object[] { new { id = "first", taskName = "echo", taskVersion = "1.0.0" }, new { id = "second", taskName = "echo", taskVersion = "1.0.0" } },
                edges = new object[] { new { fromNode = "first", fromPointer = "/message", toNode = "second", toPointer = "/message" } },
                inputs = new object[] { new { name = "message", targets = new[] { new { nodeId = "first", pointer = "/message" } } } },
            };
            (await admin.PostAsJsonAsync("/api/v1/pipelines", new { name = "relay", graph })).EnsureSuccessStatusCode();
            (await admin.PostAsync("/api/v1/pipelines/relay/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();
        }

        Guid jobId;
        using (var member = platform.CreateClient(scenario.MemberToken))
        {
            using var submitted = await member.PostAsJsonAsync("/api/v1/pipelines/relay/versions/1.0.0/runs", new { inputs = new { message = "through a restart" } });
            submitted.EnsureSuccessStatusCode();
            jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job").GetProperty("jobId").GetGuid();
            Assert.Equal("Succeeded", (await JobScenario.FinishedAsync(member, jobId)).GetProperty("status").GetString());
        }

        await platform.RestartAsync();

        using var after = platform.CreateClient(scenario.MemberToken);
        var job = await after.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(["first", "second"], job.GetProperty("nodes").EnumerateArray().Select(node => node.GetProperty("id").GetString()).Order());
    }
}
