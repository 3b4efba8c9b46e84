using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>
/// A cluster whose grains read a clock the tests move, for logic that depends on elapsed time. Kept apart
/// from <see cref="ClusterFixture"/>: grains that wait on the clock would never wake up on a stopped one.
/// </summary>
public sealed class FakeClockClusterFixture : IAsyncLifetime
{
    public static FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            ClusterFixture.AddMolDashGrains(siloBuilder);
            siloBuilder.Services.AddSingleton<TimeProvider>(Time);
        }
    }
}
