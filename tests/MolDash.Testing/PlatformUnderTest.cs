using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace MolDash.Testing;

/// <summary>
/// A real MolDash installation for tests and benchmarks: its own PostgreSQL database, a silo process and
/// an API process on free loopback ports, against the PostgreSQL and Azurite of `./moldash test`.
/// </summary>
public sealed class PlatformUnderTest : IAsyncDisposable
{
    public const string RootEmail = "root@moldash.test";

    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, string> environment;

    private PlatformUnderTest(TestDatabase database, Dictionary<string, string> environment)
    {
        Database = database;
        this.environment = environment;
    }

    public TestDatabase Database { get; }

    public string RootPassword => environment["MOLDASH_ROOT_PASSWORD"];

    /// <summary>The Jwt signing key the API uses, so tests can forge tokens the API must accept or refuse.</summary>
    public byte[] SigningKey => Convert.FromBase64String(environment["Jwt__SigningKey"]);

    public ServiceProcess? Silo { get; private set; }

    public ServiceProcess? Api { get; private set; }

    public Uri ApiAddress => Api?.BaseAddress ?? throw new InvalidOperationException("The API is not running.");

    /// <summary>Silos and API processes started beside the first ones (a scaled-out cluster); disposed with the platform.</summary>
    public List<ServiceProcess> Extra { get; } = [];

    /// <param name="settings">Configuration for both processes on top of the defaults, as environment variables ("Section__Key").</param>
    /// <param name="postgresServer">A PostgreSQL server of the test's own (superuser connection string); the shared one when left out.</param>
    public static async Task<PlatformUnderTest> StartAsync(string purpose, IReadOnlyDictionary<string, string>? settings = null, string? postgresServer = null)
    {
        var database = TestDatabase.CreateName(purpose, postgresServer);
        var environment = new Dictionary<string, string>
        {
            ["Database__ConnectionString"] = database.ConnectionString,
            ["BlobStorage__ConnectionString"] = TestEnvironment.BlobConnectionString,
            ["Jwt__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["IdentityProviders__SecretKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["MOLDASH_ROOT_EMAIL"] = RootEmail,
            ["MOLDASH_ROOT_PASSWORD"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)),
            ["Orleans__ClusterId"] = database.Name,
            ["Silo__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Silo__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
            // Jobs whose silo died are picked up again within seconds, not the production minute.
            ["Jobs__WatchdogPeriod"] = "00:00:05",
            ["TaskServices__ProbeInterval"] = "00:00:02",
            // Schedules may fire every few seconds, checked as often as the reminders above allow.
            ["Schedules__CheckPeriod"] = "00:00:05",
            ["Schedules__MinimumInterval"] = "00:00:05",
            // The echo and docking services run on loopback and are imported by URL.
            ["Registry__ImportAllowedNetworks"] = "127.0.0.0/8",
            // The echo service registers itself from loopback with its service key.
            ["TaskServices__SelfRegistrationNetworks"] = "127.0.0.0/8",
            // Every test calls from loopback: one address would soon reach the anonymous sign-in endpoints' limit.
            ["RateLimiting__AnonymousAuth__PermitLimit"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var stack = new PlatformUnderTest(database, environment);
        try
        {
            await stack.StartProcessesAsync();
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the API and the silo gracefully, then starts both again on the same database.</summary>
    /// <param name="settings">Configuration added for the new processes, as an operator changes it before a restart.</param>
    public async Task RestartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        await Api!.StopAsync();
        await Silo!.StopAsync();
        await Api.DisposeAsync();
        await Silo.DisposeAsync();
        await StartProcessesAsync();
    }

    /// <summary>Kills the silo without warning; <see cref="StartSiloAsync"/> starts it again on the same ports, as a restarted pod would.</summary>
    public Task KillSiloAsync() => Silo!.KillAsync();

    public async Task StartSiloAsync()
    {
        await Silo!.DisposeAsync();
        Silo = await ServiceProcess.StartAsync("silo", RepositoryLayout.SiloAssembly, environment, ReadyWithin);
    }

    /// <summary>Starts another silo of the same cluster on ports of its own.</summary>
    public async Task<ServiceProcess> AddSiloAsync()
    {
        var own = new Dictionary<string, string>(environment)
        {
            ["Silo__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Silo__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var silo = await ServiceProcess.StartAsync("silo", RepositoryLayout.SiloAssembly, own, ReadyWithin);
        Extra.Add(silo);
        return silo;
    }

    /// <summary>Starts another API process of the same installation.</summary>
    /// <param name="settings">Settings of this process only, over the installation's (an empty value unsets one).</param>
    public async Task<ServiceProcess> AddApiAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var own = new Dictionary<string, string>(environment);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            own[key] = value;
        }

        var api = await ServiceProcess.StartAsync("api", RepositoryLayout.ApiAssembly, own, ReadyWithin);
        Extra.Add(api);
        return api;
    }

    public HttpClient CreateClient(string? accessToken = null) => CreateClient(ApiAddress, accessToken);

    public static HttpClient CreateClient(Uri apiAddress, string? accessToken)
    {
        var client = new HttpClient { BaseAddress = apiAddress };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        }

        return client;
    }

    public Task<string> LoginAsRootAsync() => AccessTokenAsync(RootEmail, RootPassword);

    /// <summary>Signs in through the API and returns the access token; fails the caller when sign-in fails.</summary>
    public async Task<string> AccessTokenAsync(string email, string password, Guid? orgId = null)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password, orgId });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Extra)
        {
            await process.DisposeAsync();
        }

        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        await Database.DisposeAsync();
    }

    private async Task StartProcessesAsync()
    {
        Silo = await ServiceProcess.StartAsync("silo", RepositoryLayout.SiloAssembly, environment, ReadyWithin);
        Api = await ServiceProcess.StartAsync("api", RepositoryLayout.ApiAssembly, environment, ReadyWithin);
    }
}
