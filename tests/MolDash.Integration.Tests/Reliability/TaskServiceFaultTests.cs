using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>
/// A task service that answers 500s, hangs, resets connections or dies mid-run: runs are retried, an instance
/// that keeps failing gets an open circuit, jobs fail with the reason, and none is left running forever.
/// Each test has an echo service (and a task) of its own, so its circuit breaker is not the load's.
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class TaskServiceFaultTests(ReliabilityCluster cluster) : IAsyncLifetime
{
    private const int MaxAttempts = 3;
    private const int TimeoutSeconds = 2;
    private static readonly TimeSpan Settled = TimeSpan.FromMinutes(2);

    private readonly string taskName = $"faults-{Guid.NewGuid():N}"[..20];
    private EchoService service = null!;

    private string Task => $"/api/v1/tasks/{taskName}/versions/1.0.0";

    public async Task InitializeAsync()
    {
        await cluster.RestoreAsync();
        service = await EchoService.StartAsync($"echo-{taskName}");
        await TaskRegistration.AddTaskAsync(cluster.Platform, cluster.Scenario.AdminToken, service.Address, taskName, operationId: null, MaxAttempts, timeoutSeconds: TimeoutSeconds);
    }

    public async Task DisposeAsync() => await service.DisposeAsync();

    [Fact]
    public async Task Failing_hanging_and_resetting_service_runs_are_retried_then_fail_with_the_reason_and_the_instance_circuit_opens_then_closes()
    {
        var before = await EchoIdle.StatsAsync(service);
        var tally = new FaultTally();
        using var client = cluster.Client(tally);

        // Fails twice, then answers: the retries carry it through, and the job's events say what happened.
        var flaky = await client.SubmitAsync(new { message = "flaky", failTimes = 2 }, Settled, Task);
        var flakyJob = await FinishedAsync(client, flaky);
        Assert.Equal("Succeeded", flakyJob.GetProperty("status").GetString());
        var events = await EventsAsync(flaky);
        Assert.Contains(events, message => message.Contains("attempt 1 failed", StringComparison.Ordinal) && message.Contains("answered 500", StringComparison.Ordinal));
        Assert.Contains(events, message => message.Contains("attempt 2 failed", StringComparison.Ordinal));

        var failing = new Dictionary<string, Guid>
        {
            ["answered 500"] = await client.SubmitAsync(new { message = "500s", mode = "error500" }, Settled, Task),
            [$"no answer within the task's timeout of {TimeoutSeconds} s"] = await client.SubmitAsync(new { message = "hangs", delayMs = 60_000 }, Settled, Task),
            [service.Address.ToString()] = await client.SubmitAsync(new { message = "resets", mode = "reset" }, Settled, Task),
        };
        foreach (var (reason, jobId) in failing)
        {
            var job = await FinishedAsync(client, jobId);
            Assert.Equal("Failed", job.GetProperty("status").GetString());
            var error = job.GetProperty("error").GetString()!;
            Assert.Contains(reason, error, StringComparison.Ordinal);
            Assert.Contains($"after {MaxAttempts} attempts", error, StringComparison.Ordinal);
        }

        // Nine failures in a row (three per job): the instance's circuit opened after five.
        var instance = await InstanceAsync();
        Assert.NotEqual("Closed", instance.GetProperty("circuit").GetString());
        Assert.True(instance.GetProperty("consecutiveFailures").GetInt32() >= 5, instance.ToString());

        // A healthy run goes through once the cool-down lets a trial run, and closes the circuit.
        var healthy = await client.SubmitAsync(new { message = "after the storm" }, Settled, Task);
        Assert.Equal("Succeeded", (await FinishedAsync(client, healthy)).GetProperty("status").GetString());
        Assert.Equal("Closed", (await InstanceAsync()).GetProperty("circuit").GetString());

        var statuses = await client.FinalStatusesAsync(tally.Accepted, Settled);
        var after = await EchoIdle.StatsAsync(service);
        var run = FaultRun.Of("Task service faults", $"{tally.AcceptedCount} echo jobs, one after another",
            $"runs that fail twice, always answer 500, hang past the {TimeoutSeconds} s timeout, reset the connection ({MaxAttempts} attempts each)",
            tally, statuses, before, after, serveAgain: null,
            "the 500, hang and reset jobs fail with that reason as they should; the instance's circuit opened, then closed on the next good run",
            completionsExpected: 2);
        await ReliabilityResults.RecordAsync(run);
        Assert.Equal(0, run.Lost);
        Assert.Equal(0, run.Duplicates);
    }

    [Fact]
    public async Task A_service_that_dies_mid_run_fails_its_jobs_with_the_reason_and_a_replacement_instance_serves_again()
    {
        var tally = new FaultTally();
        using var client = cluster.Client(tally);

        var dying = await client.SubmitAsync(new { message = "dies", mode = "die", delayMs = 300 }, Settled, Task);
        var died = await FinishedAsync(client, dying);
        Assert.Equal("Failed", died.GetProperty("status").GetString());
        Assert.Contains(service.Address.ToString(), died.GetProperty("error").GetString()!, StringComparison.Ordinal);

        // Nothing serves the task now: a new job fails once no instance has been healthy for the queue wait.
        var orphan = await client.SubmitAsync(new { message = "nobody home" }, Settled, Task);
        var orphaned = await FinishedAsync(client, orphan);
        Assert.Equal("Failed", orphaned.GetProperty("status").GetString());
        Assert.Contains("service unavailable: 0 of 1 instances healthy", orphaned.GetProperty("error").GetString()!, StringComparison.Ordinal);

        // An operator starts a replacement; the dead instance stays registered but unhealthy.
        await using var replacement = await EchoService.StartAsync($"echo-{taskName}-2");
        using (var admin = cluster.Platform.CreateClient(cluster.Scenario.AdminToken))
        {
            (await admin.PostAsJsonAsync($"{Task}/service/instances", new { address = replacement.Address.ToString() })).EnsureSuccessStatusCode();
        }

        var served = await client.SubmitAsync(new { message = "served again" }, Settled, Task);
        Assert.Equal("Succeeded", (await FinishedAsync(client, served)).GetProperty("status").GetString());

        var statuses = await client.FinalStatusesAsync(tally.Accepted, Settled);
        var run = FaultRun.Of("Task service dies", $"{tally.AcceptedCount} echo jobs, one after another",
            "the only instance kills itself (SIGKILL) mid-run; a replacement is registered afterwards",
            tally, statuses, new EchoStats(0, 0, 0, 0, 0), await EchoIdle.StatsAsync(replacement), serveAgain: null,
            "the run on the dying instance and the job submitted while none was left fail with the reason; the next job succeeds on the replacement",
            completionsExpected: 1);
        await ReliabilityResults.RecordAsync(run);
        Assert.Equal(0, run.Lost);
        Assert.Equal(0, run.Duplicates);
    }

    private static async Task<JsonElement> FinishedAsync(ResilientJobClient client, Guid jobId)
    {
        var status = (await client.FinalStatusesAsync([jobId], Settled))[jobId];
        Assert.True(status is "Succeeded" or "Failed", $"job {jobId} is {status} after {Settled}");
        return (await client.GetAsync(jobId))!.Value;
    }

    private async Task<List<string>> EventsAsync(Guid jobId)
    {
        using var member = cluster.Platform.CreateClient(cluster.Scenario.MemberToken);
        var page = await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/events?limit=100");
        return [.. page.GetProperty("items").EnumerateArray().Select(entry => entry.GetProperty("message").GetString()!)];
    }

    private async Task<JsonElement> InstanceAsync()
    {
        using var admin = cluster.Platform.CreateClient(cluster.Scenario.AdminToken);
        var status = await admin.GetFromJsonAsync<JsonElement>($"{Task}/service");
        return status.GetProperty("instances").EnumerateArray().Single(instance => instance.GetProperty("address").GetString() == service.Address.ToString());
    }
}
