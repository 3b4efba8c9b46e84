using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>
/// The cluster the fault runs hit: 3 silo processes and 2 API processes on a PostgreSQL server of their own, an echo service
/// and a docking service, and an org whose members run the echo task and the docking task. Membership settings are the product's (silo/appsettings.json),
/// or Orleans' own defaults when MOLDASH_RELIABILITY_MEMBERSHIP=orleans-defaults, to measure what tuning them gained.
/// </summary>
public sealed class ReliabilityCluster : IAsyncLifetime
{
    public const int SiloCount = 3;
    public const int ApiCount = 2;

    /// <summary>Orleans' own ClusterMembershipOptions defaults, over the product's tuned ones.</summary>
    private static readonly Dictionary<string, string> OrleansDefaultMembership = new()
    {
        ["Orleans__Membership__ProbeTimeout"] = "00:00:05",
        ["Orleans__Membership__NumMissedProbesLimit"] = "3",
        ["Orleans__Membership__NumVotesForDeathDeclaration"] = "2",
        ["Orleans__Membership__DeathVoteExpirationTimeout"] = "00:02:00",
        ["Orleans__Membership__TableRefreshTimeout"] = "00:01:00",
        ["Orleans__Membership__IAmAliveTablePublishTimeout"] = "00:05:00",
    };

    private readonly List<ServiceProcess> silos = [];
    private readonly List<ServiceProcess> apis = [];

    public PlatformUnderTest Platform { get; private set; } = null!;

    /// <summary>The cluster's own PostgreSQL server, which the database run stops and starts.</summary>
    public TestPostgresServer Postgres { get; private set; } = null!;

    public EchoService Echo { get; private set; } = null!;

    /// <summary>The docking service, whose `dock` task the scenario's org also runs.</summary>
    public DockingService Docking { get; private set; } = null!;

    public JobScenario Scenario { get; private set; } = null!;

    public string RootToken { get; private set; } = "";

    public static bool OrleansDefaults => Environment.GetEnvironmentVariable("MOLDASH_RELIABILITY_MEMBERSHIP") == "orleans-defaults";

    /// <summary>Which membership settings the silos run with, for the results table.</summary>
    public static string Membership => OrleansDefaults
        ? "Orleans' default membership (probe 5 s, 3 missed probes)"
        : "tuned membership (probe 2 s, 3 missed probes)";

    public IReadOnlyList<Uri> ApiAddresses => [.. apis.Select(api => api.BaseAddress)];

    public IReadOnlyList<ServiceProcess> Apis => apis;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            // Faults are over in seconds here: an open circuit lets a trial through, and a run gives up on a service
            // with no healthy instance, after seconds instead of the production half minute.
            ["TaskServices__BreakerCoolDown"] = "00:00:05",
            ["TaskServices__QueueWait"] = "00:00:05",
        };
        if (OrleansDefaults)
        {
            foreach (var (key, value) in OrleansDefaultMembership)
            {
                settings[key] = value;
            }
        }

        Postgres = await TestPostgresServer.StartAsync();
        Platform = await PlatformUnderTest.StartAsync("reliability", settings, Postgres.ConnectionString);
        silos.Add(Platform.Silo!);
        apis.Add(Platform.Api!);
        await RestoreAsync();
        RootToken = await Platform.LoginAsRootAsync();
        Echo = await EchoService.StartAsync("echo-reliability");
        Scenario = await JobScenario.CreateAsync(Platform, RootToken, Echo.Address);
        Docking = await DockingService.StartAsync();
        await TaskRegistration.AddTaskAsync(Platform, Scenario.AdminToken, Docking.Address, "dock", "dock", maxAttempts: 2);
        await RaiseJobQuotaAsync();
    }

    public async Task DisposeAsync()
    {
        await Echo.DisposeAsync();
        await Docking.DisposeAsync();
        await Platform.DisposeAsync();
        await Postgres.DisposeAsync();
    }

    public ResilientJobClient Client(FaultTally tally) => new(ApiAddresses, Scenario.MemberToken, tally);

    /// <summary>Starts a fault run on a cluster at full strength: the echo service's counts before it, and a client whose tally the run fills.</summary>
    public async Task<(EchoStats Before, ResilientJobClient Client)> StartRunAsync()
    {
        await RestoreAsync();
        return (await EchoIdle.StatsAsync(Echo), Client(new FaultTally()));
    }

    /// <summary>Brings the cluster back to full strength after a fault killed some of it (new processes, as an orchestrator would start).</summary>
    public async Task RestoreAsync()
    {
        while (silos.Count < SiloCount)
        {
            silos.Add(await Platform.AddSiloAsync());
        }

        while (apis.Count < ApiCount)
        {
            apis.Add(await Platform.AddApiAsync());
        }
    }

    /// <summary>kill -9 of a silo that is not the first (any silo holds a share of the grains).</summary>
    public async Task KillSiloAsync()
    {
        var victim = silos[^1];
        silos.Remove(victim);
        await victim.KillAsync();
    }

    public async Task KillApiAsync(ServiceProcess api)
    {
        apis.Remove(api);
        await api.KillAsync();
    }

    /// <summary>The default quota (20 concurrent jobs) would turn a fault's backlog into 429s; the runs measure the fault, not the quota.</summary>
    private async Task RaiseJobQuotaAsync()
    {
        using var root = Platform.CreateClient(RootToken);
        var org = await root.GetFromJsonAsync<JsonObject>($"/api/v1/orgs/{Scenario.OrgId}");
        var quotas = org!["quotas"]!.AsObject();
        quotas["maxConcurrentJobs"] = 500;
        using var set = await root.PutAsJsonAsync($"/api/v1/orgs/{Scenario.OrgId}/quotas", quotas);
        set.EnsureSuccessStatusCode();
    }
}
