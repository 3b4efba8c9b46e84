using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Pipelines;

/// <summary>Pipelines on the real stack: an Admin builds and publishes a three-step echo pipeline; members find it, run it, and the cache answers repeats.</summary>
[Collection(PlatformTestGroup.Name)]
public sealed class PipelineTests(PlatformFixture fixture) : IAsyncLifetime
{
    private readonly PlatformUnderTest platform = fixture.Platform;
    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync();

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task An_admin_publishes_a_pipeline_a_member_runs_it_and_the_same_inputs_are_a_cache_hit()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        using var admin = platform.CreateClient(scenario.AdminToken);
        using var member = platform.CreateClient(scenario.MemberToken);

        using (var created = await admin.PostAsJsonAsync("/api/v1/pipelines", new { name = "chain", description = "Three echoes", category = "testing", graph = Chain() }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var draft = await admin.GetFromJsonAsync<JsonElement>("/api/v1/pipelines/chain/versions/1.0.0");
        Assert.Equal(0, draft.GetProperty("problems").GetArrayLength());
        (await admin.PostAsync("/api/v1/pipelines/chain/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();
        var catalog = await member.GetFromJsonAsync<JsonElement>("/api/v1/pipelines?q=echoes");
        Assert.Contains(catalog.GetProperty("items").EnumerateArray(), item => item.GetProperty("name").GetString() == "chain");
        var form = await member.GetFromJsonAsync<JsonElement>("/api/v1/pipelines/chain/versions/1.0.0/form");
        Assert.Equal("message", form.GetProperty("fields")[0].GetProperty("name").GetString());

        using var first = await member.PostAsJsonAsync("/api/v1/pipelines/chain/versions/1.0.0/runs", new { inputs = new { message = "hello", delayMs = 0 } });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var run = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Created", run.GetProperty("cache").GetString());
        var jobId = run.GetProperty("job").GetProperty("jobId").GetGuid();
        var job = await JobScenario.FinishedAsync(member, jobId);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        var results = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/results")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("hello", results.Single(result => result.GetProperty("nodeId").GetString() == "c").GetProperty("output").GetProperty("message").GetString());

        // The same inputs in another key order are the same signature: the finished job answers.
        using var again = await member.PostAsJsonAsync("/api/v1/pipelines/chain/versions/1.0.0/runs", new { inputs = new { delayMs = 0, message = "hello" } });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var hit = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Hit", hit.GetProperty("cache").GetString());
        Assert.Equal(jobId, hit.GetProperty("job").GetProperty("jobId").GetGuid());
        Assert.Contains("same input signature", hit.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var explained = await (await member.PostAsJsonAsync("/api/v1/pipelines/chain/versions/1.0.0/signature", new { message = "hello", delayMs = 0 })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(run.GetProperty("signature").GetString(), explained.GetProperty("signature").GetString());

        var signature = run.GetProperty("signature").GetString();
        var entry = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cache/{signature}");
        Assert.Equal(1, entry.GetProperty("hitCount").GetInt64());
        Assert.Equal("Completed", entry.GetProperty("status").GetString());
        Assert.Equal(1.0, entry.GetProperty("confidenceScore").GetDouble());
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/cache?pipeline=chain");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), item => item.GetProperty("signature").GetString() == signature);
        (await admin.PutAsJsonAsync($"/api/v1/cache/{signature}/pin", new { pinned = true })).EnsureSuccessStatusCode();
        Assert.True((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cache/{signature}")).GetProperty("pinned").GetBoolean());
        (await admin.PostAsync($"/api/v1/cache/{signature}/invalidate", null)).EnsureSuccessStatusCode();
        using var afterInvalidation = await member.PostAsJsonAsync("/api/v1/pipelines/chain/versions/1.0.0/runs", new { inputs = new { message = "hello", delayMs = 0 } });
        var rerun = await afterInvalidation.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Created", rerun.GetProperty("cache").GetString());
        Assert.Contains("invalidated", rerun.GetProperty("reason").GetString(), StringComparison.Ordinal);

        // The catalog counts every run, the hit among them, a moment after they are answered.
        var counted = await ResourcePolling.UntilAsync(member, "/api/v1/pipelines?q=echoes",
            page => page.GetProperty("items").EnumerateArray().Any(item => item.GetProperty("name").GetString() == "chain" && item.GetProperty("runs").GetInt64() == 3),
            TimeSpan.FromSeconds(30));
        var statistics = counted.GetProperty("items").EnumerateArray().Single(item => item.GetProperty("name").GetString() == "chain");
        Assert.Equal(1, statistics.GetProperty("cacheHits").GetInt64());
        Assert.True(statistics.GetProperty("lastRunAt").GetDateTimeOffset() >= job.GetProperty("createdAt").GetDateTimeOffset());

        using var denied = await member.GetAsync("/api/v1/cache");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task A_hundred_identical_concurrent_submissions_make_exactly_one_job()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        await PublishedChainAsync(scenario);
        using var member = platform.CreateClient(scenario.MemberToken);
        var before = (await echo.StatsAsync()).Executions;

        var runs = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var response = await member.PostAsJsonAsync("/api/v1/pipelines/chain/versions/1.0.0/runs", new { inputs = new { message = "once", delayMs = 500 } });
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }));

        Assert.Single(runs.Select(run => run.GetProperty("job").GetProperty("jobId").GetGuid()).Distinct());
        Assert.Single(runs, run => run.GetProperty("cache").GetString() == "Created");
        var jobId = runs[0].GetProperty("job").GetProperty("jobId").GetGuid();
        await JobScenario.FinishedAsync(member, jobId);
        Assert.Equal(3, (await echo.StatsAsync()).Executions - before);
    }

    [Fact]
    public async Task Graph_problems_are_all_reported_a_deprecated_version_is_not_run_and_versions_diff()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        await PublishedChainAsync(scenario);
        using var admin = platform.CreateClient(scenario.AdminToken);
        using var member = platform.CreateClient(scenario.MemberToken);
        var broken = new
        {
            nodes = new object[] { Node("a"), Node("b"), Node("b") },
            edges = new object[] { Edge("a", "b"), Edge("b", "a") },
            inputs = Array.Empty<object>(),
        };

        var check = await (await admin.PostAsJsonAsync("/api/v1/pipelines/chain/validate", broken)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(check.GetProperty("valid").GetBoolean());
        var messages = check.GetProperty("problems").EnumerateArray().Select(problem => problem.GetProperty("message").GetString()!).ToList();
        Assert.Contains(messages, message => message.Contains("cycle", StringComparison.OrdinalIgnoreCase));
        Assert.True(messages.Count >= 2, string.Join("; ", messages));

        using var next = await admin.PostAsJsonAsync("/api/v1/pipelines/chain/versions/1.0.0/versions", new { version = "1.1.0" });
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        var changed = Chain();
        changed.Nodes[2] = Node("c") with { ContinueOnFailure = true };
        (await admin.PutAsJsonAsync("/api/v1/pipelines/chain/versions/1.1.0", changed)).EnsureSuccessStatusCode();
        var diff = await member.GetFromJsonAsync<JsonElement>("/api/v1/pipelines/chain/versions/1.0.0/diff?to=1.1.0");
        Assert.Equal("c", diff.GetProperty("nodesChanged")[0].GetProperty("nodeId").GetString());
        using var immutable = await admin.PutAsJsonAsync("/api/v1/pipelines/chain/versions/1.0.0", changed);
        await immutable.AssertProblemAsync(HttpStatusCode.Conflict);

        (await admin.PostAsJsonAsync("/api/v1/pipelines/chain/versions/1.0.0/deprecate", new { reason = "use 1.1.0" })).EnsureSuccessStatusCode();
        using var refused = await member.PostAsJsonAsync("/api/v1/pipelines/chain/versions/1.0.0/runs", new { inputs = new { message = "x" } });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("use 1.1.0", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        (await admin.PostAsync("/api/v1/pipelines/chain/versions/1.1.0/publish", null)).EnsureSuccessStatusCode();
        using var badInputs = await member.PostAsJsonAsync("/api/v1/pipelines/chain/versions/1.1.0/runs", new { inputs = new { message = 5, colour = "red" } });
        var inputProblem = await badInputs.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(inputProblem.GetProperty("errors").EnumerateObject().Count() >= 2, inputProblem.ToString());

        using var notAdmin = await member.PostAsJsonAsync("/api/v1/pipelines", new { name = "mine", graph = Chain() });
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        var stranger = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        using var other = platform.CreateClient(stranger.AdminToken);
        await (await other.GetAsync("/api/v1/pipelines/chain")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private async Task PublishedChainAsync(JobScenario scenario)
    {
        using var admin = platform.CreateClient(scenario.AdminToken);
        (await admin.PostAsJsonAsync("/api/v1/pipelines", new { name = "chain", graph = Chain() })).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/pipelines/chain/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();
    }

    /// <summary>a → b → c: each step echoes the previous one's message; the run gives a's message and every step's delay.</summary>
    private static Graph Chain() => new(
        [Node("a"), Node("b"), Node("c")],
        [Edge("a", "b"), Edge("b", "c")],
        [
            new Input("message", [new Target("a", "/message")], null),
            new Input("delayMs", [new Target("a", "/delayMs"), new Target("b", "/delayMs"), new Target("c", "/delayMs")], "0"),
        ]);

    private static GraphNode Node(string id) => new(id, "echo", "1.0.0", "{}", false);

    private static GraphEdge Edge(string from, string to) => new(from, "/message", to, "/message");

    private sealed record Graph(List<GraphNode> Nodes, List<GraphEdge> Edges, List<Input> Inputs);

    private sealed record GraphNode(string Id, string TaskName, string TaskVersion, string ParametersJson, bool ContinueOnFailure);

    private sealed record GraphEdge(string FromNode, string FromPointer, string ToNode, string ToPointer);

    private sealed record Input(string Name, List<Target> Targets, string? DefaultJson);

    private sealed record Target(string NodeId, string Pointer);
}
