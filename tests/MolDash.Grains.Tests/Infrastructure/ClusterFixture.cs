using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MolDash.Grains.Audit;
using MolDash.Grains.Access;
using MolDash.Grains.Organizations;
using MolDash.Grains.Users;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>One in-process cluster for the grain tests; tests use fresh grain keys so they never collide.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static InMemoryOrganizationCatalog Catalog { get; } = new();

    public static InMemoryAuditLog AuditLog { get; } = new();

    public static InMemoryOrgMemberships Memberships { get; } = new();

    public static ScriptedOrgResources Resources { get; } = new();

    /// <summary>The silo's clock; tests that move it only depend on time differences they make themselves.</summary>
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
            siloBuilder.AddMemoryGrainStorage(GrainStorageNames.Default);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.AddIncomingGrainCallFilter<GrainAccessFilter>();
            siloBuilder.Services.AddSingleton<TimeProvider>(Time);
            siloBuilder.Services.AddSingleton<IOrganizationCatalog>(Catalog);
            siloBuilder.Services.AddSingleton<IAuditLog>(AuditLog);
            siloBuilder.Services.AddSingleton<IOrgMemberships>(Memberships);
            siloBuilder.Services.AddSingleton<IOrgResources>(Resources);
            siloBuilder.Services.AddSingleton<Auditor>();
        }
    }
}
