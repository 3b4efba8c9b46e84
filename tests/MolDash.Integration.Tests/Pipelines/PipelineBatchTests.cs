using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Pipelines;

/// <summary>
/// Pipelines beyond one run, on the real stack: a library as one batch job with per-item progress and
/// independent failures, priorities, and a public pipeline run by another org in that org.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class PipelineBatchTests(PlatformFixture fixture) : IAsyncLifetime
{
    private const string Version = "/api/v1/pipelines/relay/versions/1.0.0";
    private readonly PlatformUnderTest platform = fixture.Platform;
    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync();

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task A_library_runs_as_one_batch_job_whose_items_fail_independently_and_the_same_library_is_a_cache_hit()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address, maxAttempts: 1);
        await PublishRelayAsync(scenario.AdminToken, "Org");
        using var member = platform.CreateClient(scenario.MemberToken);
        var batch = new
        {
            inputs = new { prefix = "shared" },
            items = new object[] { new { message = "one" }, new { message = "two", mode = "error500" }, new { message = "three" } },
            priority = "High",
        };

        using var submitted = await member.PostAsJsonAsync($"{Version}/batches", batch);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var run = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Created", run.GetProperty("cache").GetString());
        var jobId = run.GetProperty("job").GetProperty("jobId").GetGuid();
        var job = await JobScenario.FinishedAsync(member, jobId);

        // The shared first step ran once; the second item's failure skipped only its own last step.
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal("High", job.GetProperty("priority").GetString());
        var items = job.GetProperty("progress").GetProperty("items");
        Assert.Equal((3, 2, 1), (items.GetProperty("total").GetInt32(), items.GetProperty("succeeded").GetInt32(), items.GetProperty("failed").GetInt32()));
        var nodes = job.GetProperty("nodes").EnumerateArray().ToDictionary(node => node.GetProperty("id").GetString()!, node => node.GetProperty("status").GetString());
        Assert.Equal("Succeeded", nodes["start"]);
        Assert.Equal(("Failed", "Skipped"), (nodes["item-1.relay"], nodes["item-1.end"]));
        Assert.Equal(("Succeeded", "Succeeded"), (nodes["item-0.end"], nodes["item-2.end"]));
        var results = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/results")).GetProperty("items").EnumerateArray();
        Assert.Equal("three", results.Single(result => result.GetProperty("nodeId").GetString() == "item-2.end").GetProperty("output").GetProperty("message").GetString());

        using var again = await member.PostAsJsonAsync($"{Version}/batches", batch);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var hit = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Hit", jobId), (hit.GetProperty("cache").GetString(), hit.GetProperty("job").GetProperty("jobId").GetGuid()));

        using var badItem = await member.PostAsJsonAsync($"{Version}/batches", new { items = new object[] { new { message = "fine" }, new { message = 7 } } });
        var problem = await badItem.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), error => error.Name.StartsWith("items/1/message", StringComparison.Ordinal) || error.Name.StartsWith("/items/1/message", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_keeps_its_priority_and_an_unknown_priority_is_refused()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        await PublishRelayAsync(scenario.AdminToken, "Org");
        using var member = platform.CreateClient(scenario.MemberToken);

        using var low = await member.PostAsJsonAsync($"{Version}/runs", new { inputs = new { message = "low" }, priority = "Low" });
        var lowJob = (await low.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job");
        Assert.Equal("Low", lowJob.GetProperty("priority").GetString());
        using var invalid = await member.PostAsJsonAsync($"{Version}/runs", new { inputs = new { message = "x" }, priority = "urgent" });
        Assert.True(invalid.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, invalid.StatusCode.ToString());
        Assert.Equal("Succeeded", (await JobScenario.FinishedAsync(member, lowJob.GetProperty("jobId").GetGuid())).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_public_pipeline_is_listed_and_run_by_another_org_whose_job_and_cache_entry_are_its_own_while_private_ones_stay_hidden()
    {
        var owner = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        var guest = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        await PublishRelayAsync(owner.AdminToken, "Public");
        using var ownerAdmin = platform.CreateClient(owner.AdminToken);
        (await ownerAdmin.PostAsJsonAsync("/api/v1/pipelines", new { name = "secret", visibility = "Org", graph = Relay() })).EnsureSuccessStatusCode();
        (await ownerAdmin.PostAsync("/api/v1/pipelines/secret/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();
        (await ownerAdmin.PostAsync($"{Version}/versions", JsonContent.Create(new { version = "2.0.0" }))).EnsureSuccessStatusCode();
        using var guestMember = platform.CreateClient(guest.MemberToken);
        using var guestAdmin = platform.CreateClient(guest.AdminToken);

        var catalog = await guestMember.GetFromJsonAsync<JsonElement>("/api/v1/pipelines?visibility=Public&q=relay");
        var listed = catalog.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("orgId").GetGuid() == owner.OrgId);
        Assert.Equal("relay", listed.GetProperty("name").GetString());
        var owned = $"?owner={owner.OrgId}";
        var pipeline = await guestMember.GetFromJsonAsync<JsonElement>($"/api/v1/pipelines/relay{owned}");
        Assert.Equal(["1.0.0"], pipeline.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()));
        await (await guestMember.GetAsync($"/api/v1/pipelines/relay/versions/2.0.0{owned}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await guestMember.GetAsync($"/api/v1/pipelines/secret{owned}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await guestMember.PostAsJsonAsync($"/api/v1/pipelines/secret/versions/1.0.0/runs{owned}", new { inputs = new { message = "x" } })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await guestAdmin.PutAsJsonAsync($"/api/v1/pipelines/relay{owned}", new { visibility = "Private" })).AssertProblemAsync(HttpStatusCode.NotFound);

        using var ran = await guestMember.PostAsJsonAsync($"{Version}/runs{owned}", new { inputs = new { message = "guest", prefix = "p" } });
        Assert.Equal(HttpStatusCode.Accepted, ran.StatusCode);
        var run = await ran.Content.ReadFromJsonAsync<JsonElement>();
        var jobId = run.GetProperty("job").GetProperty("jobId").GetGuid();
        Assert.Equal(guest.OrgId, run.GetProperty("job").GetProperty("orgId").GetGuid());
        var job = await JobScenario.FinishedAsync(guestMember, jobId);
        Assert.True(job.GetProperty("status").GetString() == "Succeeded", job.ToString());
        await (await ownerAdmin.GetAsync($"/api/v1/jobs/{jobId}")).AssertProblemAsync(HttpStatusCode.NotFound);

        var signature = run.GetProperty("signature").GetString();
        var entry = await guestAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/cache/{signature}");
        Assert.Equal(jobId, entry.GetProperty("canonicalJobId").GetGuid());
        await (await ownerAdmin.GetAsync($"/api/v1/cache/{signature}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // The owner's own run of the same inputs is its own: a new job in its org, not the guest's.
        using var ownerRun = await ownerAdmin.PostAsJsonAsync($"{Version}/runs", new { inputs = new { message = "guest", prefix = "p" } });
        var ownerResult = await ownerRun.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Created", ownerResult.GetProperty("cache").GetString());
        Assert.Equal(owner.OrgId, ownerResult.GetProperty("job").GetProperty("orgId").GetGuid());

        // Made private again, it is gone for the guest at once.
        (await ownerAdmin.PutAsJsonAsync("/api/v1/pipelines/relay", new { visibility = "Org" })).EnsureSuccessStatusCode();
        await (await guestMember.PostAsJsonAsync($"{Version}/runs{owned}", new { inputs = new { message = "again" } })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task PublishRelayAsync(string adminToken, string visibility)
    {
        using var admin = platform.CreateClient(adminToken);
        (await admin.PostAsJsonAsync("/api/v1/pipelines", new { name = "relay", description = "Relays a message", visibility, graph = Relay() })).EnsureSuccessStatusCode();
        (await admin.PostAsync($"{Version}/publish", null)).EnsureSuccessStatusCode();
    }

    /// <summary>start (a prefix, shared by a batch's items) and relay → end (per message); relay can be told to fail, and every step shares the delay.</summary>
    private static object Relay() => new
    {
        nodes = new object[]
        {
            new { id = "start", taskName = "echo", taskVersion = "1.0.0" },
            new { id = "relay", taskName = "echo", taskVersion = "1.0.0" },
            new { id = "end", taskName = "echo", taskVersion = "1.0.0" },
        },
        edges = new object[] { new { fromNode = "relay", fromPointer = "/message", toNode = "end", toPointer = "/message" } },
        inputs = new object[]
        {
            new { name = "prefix", targets = new[] { new { nodeId = "start", pointer = "/message" } }, defaultJson = "\"none\"" },
            new { name = "message", targets = new[] { new { nodeId = "relay", pointer = "/message" } } },
            new { name = "mode", targets = new[] { new { nodeId = "relay", pointer = "/mode" } }, defaultJson = "\"ok\"" },
            new
            {
                name = "delayMs",
                targets = new[] { new { nodeId = "start", pointer = "/delayMs" }, new { nodeId = "relay", pointer = "/delayMs" }, new { nodeId = "end", pointer = "/delayMs" } },
                defaultJson = "0",
            },
        },
    };
}
