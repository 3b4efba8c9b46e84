using Microsoft.Extensions.Time.Testing;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.Grains.TaskServices;

namespace MolDash.Grains.Tests.TaskServices;

public sealed class InstancePoolTests
{
    private static readonly Uri First = new("http://127.0.0.1:9001/");
    private static readonly Uri Second = new("http://127.0.0.1:9002/");

    [Fact]
    public void Runs_go_to_the_healthy_instance_with_the_fewest_outstanding_runs()
    {
        var pool = new InstancePool(maxConcurrencyPerInstance: 4, TimeProvider.System);
        pool.Register(First);
        pool.Register(Second);

        var picks = Enumerable.Range(0, 4).Select(_ => pool.TryAcquire()!.Address).ToList();
        pool.Instances[1].EndRun(error: null);
        var next = pool.TryAcquire()!.Address;

        Assert.Equal(2, picks.Count(address => address == First));
        Assert.Equal(2, picks.Count(address => address == Second));
        Assert.Equal(Second, next);
    }

    [Fact]
    public void Unhealthy_instances_get_no_runs_until_a_probe_puts_them_back()
    {
        var pool = new InstancePool(maxConcurrencyPerInstance: 4, TimeProvider.System);
        pool.Register(First);
        pool.Register(Second);
        var now = DateTimeOffset.UnixEpoch;

        pool.RecordProbe(First, healthy: false, "connection refused", now);
        var whileDown = Enumerable.Range(0, 3).Select(_ => pool.TryAcquire()!.Address).Distinct().ToList();
        pool.RecordProbe(First, healthy: true, error: null, now.AddSeconds(5));

        Assert.Equal([Second], whileDown);
        Assert.Equal(First, pool.TryAcquire()!.Address);
        Assert.Equal(now.AddSeconds(5), pool.Instances[0].LastCheck);
    }

    [Fact]
    public void The_concurrency_limit_holds_and_a_full_pool_says_why()
    {
        var pool = new InstancePool(maxConcurrencyPerInstance: 1, TimeProvider.System);
        pool.Register(First);

        var taken = pool.TryAcquire();
        var refused = pool.TryAcquire();

        Assert.NotNull(taken);
        Assert.Null(refused);
        Assert.Equal("service unavailable: 1 of 1 instances healthy, all at their limit of 1 concurrent runs", pool.DescribeUnavailable());
    }

    [Fact]
    public void A_retry_avoids_the_instance_that_failed_when_another_is_free()
    {
        var pool = new InstancePool(maxConcurrencyPerInstance: 4, TimeProvider.System);
        var first = pool.Register(First);
        pool.Register(Second);
        var failed = pool.TryAcquire()!;
        failed.EndRun("HTTP 500");

        var retry = pool.TryAcquire(avoid: [failed.Address]);

        Assert.NotEqual(failed.Address, retry!.Address);
        Assert.Equal((1L, "HTTP 500"), (failed.Errors, failed.LastError));
        Assert.Same(first, pool.Register(First));
    }

    [Fact]
    public void With_no_healthy_instance_the_reason_names_the_count_and_last_error()
    {
        var pool = new InstancePool(maxConcurrencyPerInstance: 4, TimeProvider.System);
        pool.Register(First);
        pool.Register(Second);
        pool.RecordProbe(First, healthy: false, "timed out after 2 s", DateTimeOffset.UnixEpoch);
        pool.RecordProbe(Second, healthy: false, "connection refused", DateTimeOffset.UnixEpoch);

        Assert.Null(pool.TryAcquire());
        Assert.Equal("service unavailable: 0 of 2 instances healthy, last error: connection refused", pool.DescribeUnavailable());
    }

    [Fact]
    public void A_circuit_opens_after_consecutive_failures_lets_one_trial_through_after_the_cool_down_and_closes_on_success()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var pool = new InstancePool(maxConcurrencyPerInstance: 4, clock);
        var instance = pool.Register(First);
        var coolDown = TimeSpan.FromSeconds(30);

        for (var i = 0; i < 3; i++)
        {
            Assert.Same(instance, pool.TryAcquire());
            instance.EndRun("500");
            instance.RecordOutcome(serviceFailed: true, clock.GetUtcNow(), threshold: 3, coolDown);
        }

        Assert.Equal(CircuitState.Open, instance.Circuit(clock.GetUtcNow()));
        Assert.Null(pool.TryAcquire());
        Assert.Contains("1 of them with an open circuit", pool.DescribeUnavailable(), StringComparison.Ordinal);

        clock.Advance(coolDown);
        Assert.Equal(CircuitState.HalfOpen, instance.Circuit(clock.GetUtcNow()));
        Assert.Same(instance, pool.TryAcquire());
        Assert.Null(pool.TryAcquire());

        // The trial fails: open again at once, without waiting for three more failures.
        instance.EndRun("500");
        instance.RecordOutcome(serviceFailed: true, clock.GetUtcNow(), threshold: 3, coolDown);
        Assert.Equal(CircuitState.Open, instance.Circuit(clock.GetUtcNow()));

        clock.Advance(coolDown);
        Assert.Same(instance, pool.TryAcquire());
        instance.EndRun(null);
        instance.RecordOutcome(serviceFailed: false, clock.GetUtcNow(), threshold: 3, coolDown);
        Assert.Equal((CircuitState.Closed, 0), (instance.Circuit(clock.GetUtcNow()), instance.ConsecutiveFailures));
        Assert.NotNull(pool.TryAcquire());
        Assert.NotNull(pool.TryAcquire());
    }
}
