using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Pipelines;

/// <summary>Scheduled runs on the real stack: a member schedules a pipeline every few seconds, the firings make jobs through the cache, and the schedule is paused, resumed and deleted.</summary>
[Collection(PlatformTestGroup.Name)]
public sealed class ScheduleTests(PlatformFixture fixture) : IAsyncLifetime
{
    private readonly PlatformUnderTest platform = fixture.Platform;
    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync();

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task A_schedule_with_a_short_interval_fires_jobs_through_the_cache_and_is_paused_resumed_and_deleted()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        using var admin = platform.CreateClient(scenario.AdminToken);
        using var member = platform.CreateClient(scenario.MemberToken);
        var graph = new
        {
            nodes = new[] { new { id = "only", taskName = "echo", taskVersion = "1.0.0" } },
            inputs = new[] { new { name = "message", targets = new[] { new { nodeId = "only", pointer = "/message" } } } },
        };
        (await admin.PostAsJsonAsync("/api/v1/pipelines", new { name = "nightly", graph })).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/pipelines/nightly/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();

        var badCron = await (await member.PostAsJsonAsync("/api/v1/schedules", new { pipeline = "nightly", version = "1.0.0", inputs = new { message = "m" }, cron = "every day" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(badCron.GetProperty("errors").EnumerateObject(), error => error.Name.Contains("cron", StringComparison.Ordinal));
        var badZone = await (await member.PostAsJsonAsync("/api/v1/schedules", new { pipeline = "nightly", version = "1.0.0", inputs = new { message = "m" }, cron = "0 6 * * *", timeZone = "Mars/Olympus" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(badZone.GetProperty("errors").EnumerateObject(), error => error.Name.Contains("timeZone", StringComparison.Ordinal));
        var badInputs = await (await member.PostAsJsonAsync("/api/v1/schedules", new { pipeline = "nightly", version = "1.0.0", inputs = new { message = 5 }, intervalSeconds = 5 }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(badInputs.GetProperty("errors").EnumerateObject(), error => error.Name.Contains("message", StringComparison.Ordinal));
        await (await member.PostAsJsonAsync("/api/v1/schedules", new { pipeline = "nowhere", version = "1.0.0", intervalSeconds = 5 })).AssertProblemAsync(HttpStatusCode.NotFound);

        using var created = await member.PostAsJsonAsync("/api/v1/schedules", new { pipeline = "nightly", version = "1.0.0", inputs = new { message = "tick" }, intervalSeconds = 5, priority = "Low" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var schedule = await created.Content.ReadFromJsonAsync<JsonElement>();
        var path = created.Headers.Location!.ToString();
        Assert.Equal("Active", schedule.GetProperty("status").GetString());
        var listed = await member.GetFromJsonAsync<JsonElement>("/api/v1/schedules?limit=10");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), item => item.GetProperty("scheduleId").GetGuid() == schedule.GetProperty("scheduleId").GetGuid());

        // Two firings: the first makes a job, the second has the same inputs and is answered by the cache.
        var fired = await ResourcePolling.UntilAsync(member, path, view => view.GetProperty("history").GetArrayLength() >= 2, TimeSpan.FromMinutes(1));
        var history = fired.GetProperty("history").EnumerateArray().Reverse().ToList();
        var jobId = history[0].GetProperty("jobId").GetGuid();
        Assert.Equal("Created", history[0].GetProperty("cache").GetString());
        var job = await JobScenario.FinishedAsync(member, jobId);
        Assert.Equal(("Succeeded", "Low"), (job.GetProperty("status").GetString(), job.GetProperty("priority").GetString()));
        Assert.Equal(scenario.MemberId, job.GetProperty("submittedBy").GetGuid());
        Assert.True(history[1].GetProperty("cache").GetString() is "Hit" or "Attached", history[1].ToString());
        Assert.Equal(jobId, history[1].GetProperty("jobId").GetGuid());

        var paused = await (await admin.PostAsync($"{path}/pause", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Paused", paused.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, paused.GetProperty("nextFireAt").ValueKind);
        var resumed = await (await member.PostAsync($"{path}/resume", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Active", resumed.GetProperty("status").GetString());

        var stranger = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        using var outsider = platform.CreateClient(stranger.AdminToken);
        await (await outsider.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await outsider.PostAsync($"{path}/pause", null)).AssertProblemAsync(HttpStatusCode.NotFound);

        using var deleted = await member.DeleteAsync(path);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await member.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?target=" + schedule.GetProperty("scheduleId").GetGuid());
        var actions = audit.GetProperty("items").EnumerateArray().Select(entry => entry.GetProperty("action").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "schedule.create", "schedule.pause", "schedule.resume", "schedule.delete" }, actions);
    }
}
