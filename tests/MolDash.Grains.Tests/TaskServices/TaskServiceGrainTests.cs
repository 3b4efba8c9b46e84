using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Tests.Infrastructure;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.TaskServices;

[Collection(ClusterTestGroup.Name)]
public sealed class TaskServiceGrainTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task A_run_reaches_the_service_with_its_idempotency_key_and_org_and_returns_the_output()
    {
        await using var service = await FakeTaskService.StartAsync();
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        await grain.RegisterInstanceAsync(service.Address.ToString());
        var run = Guid.NewGuid();

        var result = await grain.InvokeAsync(new TaskRunRequest(run, null, """{ "text": "hi" }"""));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("""{ "echo": { "text": "hi" } }""", result.OutputJson);
        Assert.Equal((run.ToString(), org.ToString()), Assert.Single(service.Calls));
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Parameters_that_do_not_fit_the_input_are_refused_before_any_call()
    {
        await using var service = await FakeTaskService.StartAsync();
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        await grain.RegisterInstanceAsync(service.Address.ToString());

        var error = await Assert.ThrowsAsync<MolDashException>(() => grain.InvokeAsync(new TaskRunRequest(Guid.NewGuid(), null, """{ "text": 3 }""")));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal("/text", Assert.Single(error.Errors).Pointer);
        Assert.Empty(service.Calls);
    }

    [Fact]
    public async Task Runs_go_only_to_healthy_instances_and_a_recovered_one_is_used_again()
    {
        await using var sick = await FakeTaskService.StartAsync();
        await using var well = await FakeTaskService.StartAsync();
        sick.Ready = false;
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        await grain.RegisterInstanceAsync(sick.Address.ToString());
        var status = await grain.RegisterInstanceAsync(well.Address.ToString());

        for (var i = 0; i < 4; i++)
        {
            Assert.True((await grain.InvokeAsync(new TaskRunRequest(Guid.NewGuid(), null, """{ "text": "x" }"""))).Succeeded);
        }

        Assert.False(status.Instances.Single(instance => instance.Address == sick.Address.ToString()).Healthy);
        Assert.Empty(sick.Calls);
        Assert.Equal(4, well.Calls.Count);

        sick.Ready = true;
        await Eventually.HoldsAsync(async () => (await grain.GetStatusAsync()).Instances.All(instance => instance.Healthy));
        Assert.True((await grain.GetStatusAsync()).Instances.All(instance => instance.LastCheck is not null));
    }

    [Fact]
    public async Task A_server_error_is_retried_on_another_instance_with_the_same_idempotency_key()
    {
        await using var failing = await FakeTaskService.StartAsync();
        await using var working = await FakeTaskService.StartAsync();
        failing.Mode = FakeTaskService.Behaviour.ServerError;
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        await grain.RegisterInstanceAsync(failing.Address.ToString());
        await grain.RegisterInstanceAsync(working.Address.ToString());
        var run = Guid.NewGuid();

        // Both instances are idle, so whichever comes first; repeat until the failing one was tried first.
        TaskRunResult result;
        do
        {
            result = await grain.InvokeAsync(new TaskRunRequest(run, null, """{ "text": "x" }"""));
        }
        while (failing.Calls.IsEmpty);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(working.Address.ToString(), result.Instance);
        Assert.All(failing.Calls.Concat(working.Calls), call => Assert.Equal(run.ToString(), call.IdempotencyKey));
        var failed = (await grain.GetStatusAsync()).Instances.Single(instance => instance.Address == failing.Address.ToString());
        Assert.True(failed.Errors >= 1);
        Assert.Contains("500", failed.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FakeTaskService.Behaviour.ServerError, "answered 500")]
    [InlineData(FakeTaskService.Behaviour.Malformed, "not JSON")]
    [InlineData(FakeTaskService.Behaviour.Hang, "no answer within the task's timeout of 1 s")]
    public async Task A_service_that_keeps_failing_fails_the_run_after_its_attempts_with_the_reason(FakeTaskService.Behaviour mode, string reason)
    {
        await using var service = await FakeTaskService.StartAsync();
        service.Mode = mode;
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        await grain.RegisterInstanceAsync(service.Address.ToString());

        var result = await grain.InvokeAsync(new TaskRunRequest(Guid.NewGuid(), null, """{ "text": "x" }"""));

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Attempts);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Equal(2, service.Calls.Count);
    }

    [Fact]
    public async Task A_202_is_polled_at_its_location_until_the_output_is_there()
    {
        await using var service = await FakeTaskService.StartAsync();
        service.Mode = FakeTaskService.Behaviour.AcceptThenPoll;
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        await grain.RegisterInstanceAsync(service.Address.ToString());

        var result = await grain.InvokeAsync(new TaskRunRequest(Guid.NewGuid(), null, """{ "text": "x" }"""));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("""{ "done": true }""", result.OutputJson);
    }

    [Fact]
    public async Task With_no_healthy_instance_the_run_waits_then_fails_saying_why()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        var status = await grain.RegisterInstanceAsync(FakeTaskService.RefusingAddress().ToString());

        var result = await grain.InvokeAsync(new TaskRunRequest(Guid.NewGuid(), null, """{ "text": "x" }"""));

        Assert.False(Assert.Single(status.Instances).Healthy);
        Assert.False(result.Succeeded);
        Assert.StartsWith("service unavailable: 0 of 1 instances healthy, last error: http://127.0.0.1:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_runs_beyond_the_instance_limit_queue_and_all_finish()
    {
        await using var service = await FakeTaskService.StartAsync();
        service.Mode = FakeTaskService.Behaviour.Slow;
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        await grain.RegisterInstanceAsync(service.Address.ToString());

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            grain.InvokeAsync(new TaskRunRequest(Guid.NewGuid(), null, $$"""{ "text": "{{i}}" }""", i % 2 == 0 ? RunPriority.High : RunPriority.Low))));

        Assert.All(results, result => Assert.True(result.Succeeded, result.Error));
        Assert.Equal(2, service.MaxConcurrent);
    }

    [Fact]
    public async Task A_draft_is_not_run_and_another_org_does_not_see_the_service()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var key = TaskDefinitionKey.Format(org, "draft-only", "1.0.0");
        await cluster.Client.GetGrain<ITaskDefinitionGrain>(key).CreateAsync(EchoTasks.Draft());
        var grain = cluster.Client.GetGrain<ITaskServiceGrain>(key);

        var draft = await Assert.ThrowsAsync<MolDashException>(() => grain.InvokeAsync(new TaskRunRequest(Guid.NewGuid(), null, """{ "text": "x" }""")));
        Callers.ActAs(Callers.AdminOf(Guid.NewGuid()));
        var foreign = await Assert.ThrowsAsync<MolDashException>(grain.GetStatusAsync);

        Assert.Equal(ErrorKind.Conflict, draft.Kind);
        Assert.Equal(ErrorKind.NotFound, foreign.Kind);
    }

    [Fact]
    public async Task Runs_stop_going_to_a_failing_instance_once_its_circuit_opens_and_return_after_it_recovers()
    {
        await using var broken = await FakeTaskService.StartAsync();
        await using var good = await FakeTaskService.StartAsync();
        broken.Mode = FakeTaskService.Behaviour.ServerError;
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        await grain.RegisterInstanceAsync(broken.Address.ToString());
        await grain.RegisterInstanceAsync(good.Address.ToString());

        // Both idle, so each run tries the first registered (broken) one, then retries on the good one,
        // until three failures in a row open its circuit (the test cluster's BreakerFailures).
        for (var i = 0; i < 8; i++)
        {
            Assert.True((await grain.InvokeAsync(new TaskRunRequest(Guid.NewGuid(), null, """{ "text": "x" }"""))).Succeeded);
        }

        Assert.Equal(3, broken.Calls.Count);
        Assert.Equal(8, good.Calls.Count);
        var open = (await grain.GetStatusAsync()).Instances.Single(instance => instance.Address == broken.Address.ToString());
        Assert.Equal((CircuitState.Open, 3, true), (open.Circuit, open.ConsecutiveFailures, open.Healthy));
        Assert.NotNull(open.OpenUntil);

        broken.Mode = FakeTaskService.Behaviour.Echo;
        await Eventually.HoldsAsync(async () => (await grain.GetStatusAsync()).Instances.Single(instance => instance.Address == broken.Address.ToString()).Circuit == CircuitState.HalfOpen);
        Assert.True((await grain.InvokeAsync(new TaskRunRequest(Guid.NewGuid(), null, """{ "text": "trial" }"""))).Succeeded);

        Assert.Equal(4, broken.Calls.Count);
        Assert.Equal(CircuitState.Closed, (await grain.GetStatusAsync()).Instances.Single(instance => instance.Address == broken.Address.ToString()).Circuit);
    }

    [Fact]
    public async Task A_run_on_an_instance_that_dies_mid_run_is_retried_on_another_with_the_same_idempotency_key()
    {
        await using var dying = await FakeTaskService.StartAsync();
        await using var survivor = await FakeTaskService.StartAsync();
        dying.Mode = FakeTaskService.Behaviour.Hang;
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org, timeoutSeconds: 10);
        await grain.RegisterInstanceAsync(dying.Address.ToString());
        await grain.RegisterInstanceAsync(survivor.Address.ToString());
        var run = Guid.NewGuid();

        var invocation = grain.InvokeAsync(new TaskRunRequest(run, null, """{ "text": "x" }"""));
        await Eventually.HoldsAsync(() => Task.FromResult(!dying.Calls.IsEmpty));
        await dying.KillAsync();
        var result = await invocation;

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((2, survivor.Address.ToString()), (result.Attempts, result.Instance));
        Assert.Equal(run.ToString(), Assert.Single(survivor.Calls).IdempotencyKey);
    }

    [Fact]
    public async Task A_run_whose_only_instance_dies_mid_run_fails_with_the_reason()
    {
        await using var dying = await FakeTaskService.StartAsync();
        dying.Mode = FakeTaskService.Behaviour.Hang;
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org, timeoutSeconds: 10);
        await grain.RegisterInstanceAsync(dying.Address.ToString());

        var invocation = grain.InvokeAsync(new TaskRunRequest(Guid.NewGuid(), null, """{ "text": "x" }"""));
        await Eventually.HoldsAsync(() => Task.FromResult(!dying.Calls.IsEmpty));
        await dying.KillAsync();
        var result = await invocation;

        Assert.False(result.Succeeded);
        Assert.Contains(dying.Address.ToString(), result.Error, StringComparison.Ordinal);
    }

    /// <summary>Publishes an echo task in <paramref name="org"/>; the test acts as its Admin (RequestContext flows into callees, not back).</summary>
    private Task<ITaskServiceGrain> PublishedTaskAsync(Guid org, int timeoutSeconds = 1) => EchoTasks.PublishAsync(cluster, org, timeoutSeconds: timeoutSeconds);
}
