using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MolDash.Grains.Access;
using MolDash.Grains.Artifacts;
using MolDash.Grains.Audit;
using MolDash.Grains.Identity;
using MolDash.Grains.Identity.Passwords;
using MolDash.Grains.Identity.Sessions;
using MolDash.Grains.Jobs;
using MolDash.Grains.Organizations;
using MolDash.Grains.Persistence;
using MolDash.Grains.Registry;
using MolDash.Grains.Storage;
using MolDash.Grains.TaskServices;
using MolDash.Grains.Tasks;
using MolDash.Grains.Users;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>One in-process cluster for the grain tests; tests use fresh grain keys so they never collide.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static InMemoryOrganizationCatalog Catalog { get; } = new();

    public static InMemoryTaskCatalog TaskCatalog { get; } = new();

    public static InMemoryAuditLog AuditLog { get; } = new();

    public static InMemoryOrgMemberships Memberships { get; } = new();

    public static ScriptedOrgResources Resources { get; } = new();

    public static InMemoryJobRecords JobRecords { get; } = new();

    public static InMemoryArtifactStore Artifacts { get; } = new();

    public static InMemoryBlobStore Blobs { get; } = new();

    public static InMemoryInitialAdmins InitialAdmins { get; } = new();

    public static InMemoryOrganizationEraser Eraser { get; } = new(Catalog);

    /// <summary>The org whose "configured" task version's instance comes from the silo's configuration (TaskServices:Instances).</summary>
    public static Guid ConfiguredOrg { get; } = Guid.NewGuid();

    /// <summary>The configured instance: an address where nothing listens.</summary>
    public static Uri ConfiguredAddress { get; } = FakeTaskService.RefusingAddress();

    public TestCluster Cluster { get; } = new TestClusterBuilder(initialSilosCount: 1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The grains and their in-memory stand-ins; the clock is registered by each cluster.</summary>
    public static void AddMolDashGrains(ISiloBuilder siloBuilder)
    {
        siloBuilder.AddMemoryGrainStorage(GrainStorageNames.Default);
        siloBuilder.Services.AddBinaryGrainStateReadingJson();
        siloBuilder.UseInMemoryReminderService();
        siloBuilder.AddIncomingGrainCallFilter<GrainAccessFilter>();
        siloBuilder.Services.AddSingleton<IOrganizationCatalog>(Catalog);
        siloBuilder.Services.AddSingleton<IAuditLog>(AuditLog);
        siloBuilder.Services.AddSingleton<IOrgMemberships>(Memberships);
        siloBuilder.Services.AddSingleton<IOrgResources>(Resources);
        siloBuilder.Services.AddSingleton<IInitialAdmins>(InitialAdmins);
        siloBuilder.Services.AddSingleton<InitialAdminAccounts>();
        siloBuilder.Services.AddSingleton<IOrganizationEraser>(Eraser);
        siloBuilder.Services.AddSingleton<OrganizationDeletionSteps>();
        siloBuilder.Services.AddSingleton<IRefreshTokenStore, InMemoryRefreshTokenStore>();
        siloBuilder.Services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        siloBuilder.Services.AddSingleton<Auditor>();
        siloBuilder.Services.AddSingleton<PasswordPolicy>();
        siloBuilder.Services.AddSingleton<IPasswordResetStore, UnusedPasswordResetStore>();
        siloBuilder.Services.AddSingleton<ITaskCatalog>(TaskCatalog);
        siloBuilder.Services.AddSingleton<TaskServiceHttp>();
        // Loopback only, so the FakeTaskService can be imported and every other private range is refused.
        siloBuilder.Services.Configure<ImportOptions>(options =>
        {
            options.ImportAllowedNetworks = "127.0.0.0/8";
            options.ImportTimeout = TimeSpan.FromSeconds(15);
        });
        siloBuilder.Services.AddSingleton<TaskDocumentFetcher>();
        siloBuilder.Services.AddSingleton<IJobRecords>(JobRecords);
        siloBuilder.Services.AddSingleton<IArtifactStore>(Artifacts);
        siloBuilder.Services.AddSingleton<IBlobStore>(Blobs);
        siloBuilder.Services.AddSingleton<JobLogArchive>();
        siloBuilder.Services.AddSingleton<JobLog>();
        siloBuilder.Services.Configure<JobOptions>(options => options.MaxParallelNodes = 3);
        // Short waits so the error paths of the task-service grain finish quickly.
        siloBuilder.Services.Configure<TaskServiceOptions>(options =>
        {
            options.ProbeInterval = TimeSpan.FromMilliseconds(300);
            options.ProbeTimeout = TimeSpan.FromMilliseconds(500);
            options.QueueWait = TimeSpan.FromSeconds(2);
            options.RetryBackoff = TimeSpan.FromMilliseconds(10);
            options.MaxConcurrencyPerInstance = 2;
            options.PollWait = TimeSpan.FromSeconds(1);
            options.BreakerFailures = 3;
            options.BreakerCoolDown = TimeSpan.FromSeconds(1);
            options.SelfRegistrationLease = TimeSpan.FromSeconds(3);
            options.Instances[$"{ConfiguredOrg}/configured/1.0.0"] = [ConfiguredAddress.ToString()];
        });
        siloBuilder.Services.AddSingleton(new SelfRegistrationAddressPolicy([System.Net.IPNetwork.Parse("127.0.0.0/8")]));
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            AddMolDashGrains(siloBuilder);
            siloBuilder.Services.AddSingleton(TimeProvider.System);
        }
    }
}
