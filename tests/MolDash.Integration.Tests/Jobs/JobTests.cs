using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Jobs;

/// <summary>Jobs through the real API, silo, PostgreSQL and a real echo task service process.</summary>
[Collection(PlatformTestGroup.Name)]
public sealed class JobTests(PlatformFixture fixture) : IAsyncLifetime
{
    private static readonly int[] NotAnObject = [1, 2];

    private readonly PlatformUnderTest platform = fixture.Platform;
    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync();

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task A_member_runs_a_task_and_follows_it_live_over_signalr_to_its_result()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        using var member = platform.CreateClient(scenario.MemberToken);
        await using var live = await LiveJobClient.ConnectAsync(platform.ApiAddress, scenario.MemberToken);

        using var submitted = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", new { parameters = new { message = "hello docking", delayMs = 3000 } });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        Assert.Equal($"/api/v1/jobs/{jobId}", submitted.Headers.Location?.ToString());

        var snapshot = await live.SubscribeJobAsync(jobId);
        Assert.NotEqual("Succeeded", snapshot.GetProperty("status").GetString());
        var events = await live.UntilFinishedAsync(jobId, TimeSpan.FromSeconds(60), snapshot.GetProperty("lastEventSeq").GetInt64());

        var after = snapshot.GetProperty("lastEventSeq").GetInt64();
        Assert.Equal(Enumerable.Range((int)after + 1, events.Count).Select(seq => (long)seq), events.Select(entry => entry.GetProperty("seq").GetInt64()));
        Assert.Equal("succeeded", events[^1].GetProperty("kind").GetString());
        var timeline = await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/events?afterSeq=0&limit=100");
        Assert.Equal(
            ["created", "queued", "started", "node-succeeded", "succeeded"],
            timeline.GetProperty("items").EnumerateArray().Select(entry => entry.GetProperty("kind").GetString()));

        var job = await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(scenario.MemberId, job.GetProperty("submittedBy").GetGuid());
        Assert.Equal("Normal", job.GetProperty("priority").GetString());
        var log = await member.GetStringAsync($"/api/v1/jobs/{jobId}/logs");
        Assert.Contains("succeeded", log, StringComparison.Ordinal);
        // Kept as a byte range of the org's shared log blob (jobs finishing together share one append).
        Assert.Matches(@"^jobs/logs/\d{4}-\d{2}-\d{2}/[0-9a-f]+-\d{4}\.log#bytes=\d+-\d+$", job.GetProperty("logsUri").GetString());
        // The listing's row names it too: it is recorded with the row once the log is kept.
        var listed = (await member.GetFromJsonAsync<JsonElement>("/api/v1/jobs?limit=50")).GetProperty("items").EnumerateArray();
        Assert.Equal(job.GetProperty("logsUri").GetString(), listed.Single(item => item.GetProperty("jobId").GetGuid() == jobId).GetProperty("logsUri").GetString());
        var result = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/results")).GetProperty("items")[0];
        Assert.Equal("hello docking", result.GetProperty("output").GetProperty("message").GetString());
        Assert.InRange(result.GetProperty("confidence").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task The_javascript_client_receives_the_same_stream_as_the_rest_timeline()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        using var member = platform.CreateClient(scenario.MemberToken);
        using var submitted = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", new { parameters = new { message = "from node", delayMs = 6000 } });
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();

        var lines = await FollowWithNodeAsync(scenario.MemberToken, jobId);

        var snapshot = lines.First(line => line.GetProperty("type").GetString() == "snapshot");
        var streamed = lines.Where(line => line.GetProperty("type").GetString() == "event").ToList();
        var timeline = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/events?limit=100")).GetProperty("items").EnumerateArray()
            .Where(entry => entry.GetProperty("seq").GetInt64() > snapshot.GetProperty("lastEventSeq").GetInt64()).ToList();
        Assert.NotEmpty(streamed);
        Assert.Equal(timeline.Select(entry => (entry.GetProperty("seq").GetInt64(), entry.GetProperty("kind").GetString())),
            streamed.Select(entry => (entry.GetProperty("seq").GetInt64(), entry.GetProperty("kind").GetString())));
        Assert.Equal("Succeeded", streamed[^1].GetProperty("jobStatus").GetString());
    }

    [Fact]
    public async Task Bad_parameters_are_a_422_with_field_errors_and_nothing_runs()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        using var member = platform.CreateClient(scenario.MemberToken);
        var before = (await echo.StatsAsync()).Executions;

        using var missing = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", new { parameters = new { delayMs = -5 } });
        using var batch = await member.PostAsJsonAsync($"{JobScenario.Task}/batches", new { items = new object[] { new { message = "ok" }, new { message = 7 } } });
        using var notObject = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", new { parameters = NotAnObject });
        using var unknown = await member.PostAsJsonAsync("/api/v1/tasks/no-such-task/versions/1.0.0/runs", new { parameters = new { message = "x" } });

        var problem = await missing.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("/message", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("/delayMs", out _));
        var batchProblem = await batch.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(batchProblem.GetProperty("errors").TryGetProperty("/items/1/message", out _));
        await notObject.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, (await echo.StatsAsync()).Executions);
    }

    [Fact]
    public async Task A_batch_runs_every_item_reports_progress_and_keeps_going_past_a_failed_item()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address, maxAttempts: 2);
        using var member = platform.CreateClient(scenario.MemberToken);
        var items = Enumerable.Range(0, 6).Select(i => (object)new { message = $"ligand {i}" }).Append(new { message = "bad ligand", failTimes = 5 }).ToArray();

        using var submitted = await member.PostAsJsonAsync($"{JobScenario.Task}/batches", new { parameters = new { delayMs = 50 }, items });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        var job = await JobScenario.FinishedAsync(member, jobId);

        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        var progress = job.GetProperty("progress");
        Assert.Equal((7, 6, 1), (progress.GetProperty("total").GetInt32(), progress.GetProperty("succeeded").GetInt32(), progress.GetProperty("failed").GetInt32()));
        Assert.Contains("1 of 7", job.GetProperty("error").GetString(), StringComparison.Ordinal);
        var results = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/results?limit=50")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(7, results.Count);
        var failed = Assert.Single(results, result => result.GetProperty("status").GetString() == "Failed");
        Assert.Contains("500", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        var listed = await member.GetFromJsonAsync<JsonElement>("/api/v1/jobs?kind=Batch");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), row => row.GetProperty("jobId").GetGuid() == jobId);
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_it_and_a_retried_submission_with_the_same_key_is_the_same_job()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        using var member = platform.CreateClient(scenario.MemberToken);
        member.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var body = new { parameters = new { message = "long", delayMs = 120_000 } };

        using var first = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", body);
        using var retried = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", body);
        var jobId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        Assert.Equal(jobId, (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid());

        using var cancel = await member.PostAsync($"/api/v1/jobs/{jobId}/cancel", null);
        var cancelled = await cancel.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("Cancelled", (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancelling_a_run_the_service_accepted_for_later_cancels_it_at_the_service()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        using var member = platform.CreateClient(scenario.MemberToken);
        using var submitted = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", new { parameters = new { message = "later", mode = "async", delayMs = 120_000 } });
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        await Eventually.HoldsAsync(async () => (await echo.StatsAsync()).InFlight == 1);

        using var cancel = await member.PostAsync($"/api/v1/jobs/{jobId}/cancel", null);
        cancel.EnsureSuccessStatusCode();

        await Eventually.HoldsAsync(async () => (await echo.StatsAsync()).InFlight == 0);
        Assert.Equal("Cancelled", (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Another_orgs_member_gets_404_for_the_job_on_every_route_and_the_hub_refuses_it()
    {
        var owner = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        var stranger = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        using var member = platform.CreateClient(owner.MemberToken);
        using var submitted = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", new { parameters = new { message = "secret" } });
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        using var other = platform.CreateClient(stranger.AdminToken);

        foreach (var path in new[] { "", "/events", "/results" })
        {
            using var read = await other.GetAsync($"/api/v1/jobs/{jobId}{path}");
            await read.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using var cancel = await other.PostAsync($"/api/v1/jobs/{jobId}/cancel", null);
        await cancel.AssertProblemAsync(HttpStatusCode.NotFound);
        var listed = await other.GetFromJsonAsync<JsonElement>("/api/v1/jobs");
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), row => row.GetProperty("jobId").GetGuid() == jobId);
        await using var live = await LiveJobClient.ConnectAsync(platform.ApiAddress, stranger.AdminToken);
        await Assert.ThrowsAsync<HubException>(() => live.SubscribeJobAsync(jobId));
        Assert.NotEqual("Cancelled", (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}")).GetProperty("status").GetString());
    }

    private async Task<List<JsonElement>> FollowWithNodeAsync(string token, Guid jobId)
    {
        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(RepositoryLayout.Root, "tools", "signalr-client", "follow-job.mjs"));
        info.ArgumentList.Add(platform.ApiAddress.ToString());
        info.ArgumentList.Add(token);
        info.ArgumentList.Add(jobId.ToString());
        info.ArgumentList.Add("60");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"node exited {process.ExitCode}: {await errors}");
        return [.. (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
    }
}
