using MolDash.GrainInterfaces.Identity;
using MolDash.Grains.Identity.Throttling;
using MolDash.Grains.Tests.Infrastructure;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Identity;

public sealed class LoginThrottleGrainTests(FakeClockClusterFixture fixture) : IClassFixture<FakeClockClusterFixture>
{
    private static readonly LoginThrottleOptions Defaults = new();
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task An_account_is_locked_after_its_limit_of_failures_until_the_oldest_leaves_the_window()
    {
        var throttle = cluster.Client.GetGrain<ILoginThrottleGrain>(LoginThrottleKeys.Account($"{Guid.NewGuid()}@x.test"));
        for (var i = 0; i < Defaults.MaxFailuresPerAccount - 1; i++)
        {
            await throttle.RecordFailureAsync();
        }

        Assert.Null(await throttle.CheckAsync());
        await throttle.RecordFailureAsync();
        var lockedFor = await throttle.CheckAsync();

        Assert.NotNull(lockedFor);
        Assert.True(lockedFor <= Defaults.Window);
        FakeClockClusterFixture.Time.Advance(lockedFor!.Value + TimeSpan.FromSeconds(1));
        Assert.Null(await throttle.CheckAsync());
    }

    [Fact]
    public async Task A_client_address_tolerates_more_failures_than_one_account()
    {
        var throttle = cluster.Client.GetGrain<ILoginThrottleGrain>(LoginThrottleKeys.Client($"10.9.{Random.Shared.Next(255)}.{Guid.NewGuid():N}"));
        for (var i = 0; i < Defaults.MaxFailuresPerAccount; i++)
        {
            await throttle.RecordFailureAsync();
        }

        Assert.Null(await throttle.CheckAsync());
        for (var i = Defaults.MaxFailuresPerAccount; i < Defaults.MaxFailuresPerClient; i++)
        {
            await throttle.RecordFailureAsync();
        }

        Assert.NotNull(await throttle.CheckAsync());
    }

    [Fact]
    public async Task A_reset_clears_the_failures()
    {
        var throttle = cluster.Client.GetGrain<ILoginThrottleGrain>(LoginThrottleKeys.Account($"{Guid.NewGuid()}@x.test"));
        for (var i = 0; i < Defaults.MaxFailuresPerAccount; i++)
        {
            await throttle.RecordFailureAsync();
        }

        await throttle.ResetAsync();

        Assert.Null(await throttle.CheckAsync());
    }
}
