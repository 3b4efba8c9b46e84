using System.Net.Http.Json;

namespace MolDash.Testing;

/// <summary>
/// The echo task service (task-services/echo) as a real process on a free loopback port, for tests and
/// benchmarks that need a task service that answers as they ask.
/// </summary>
public sealed class EchoService : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(30);
    private readonly ServiceProcess process;
    private readonly HttpClient http;

    private EchoService(ServiceProcess process, string instanceName)
    {
        this.process = process;
        InstanceName = instanceName;
        http = new HttpClient { BaseAddress = process.BaseAddress };
    }

    /// <summary>Where it listens, as the platform registers an instance ("http://127.0.0.1:port/").</summary>
    public Uri Address => new(process.BaseAddress, "/");

    public string InstanceName { get; }

    /// <param name="settings">Configuration on top of the defaults, as environment variables ("Section__Key"), e.g. PlatformRegistration.</param>
    public static async Task<EchoService> StartAsync(string instanceName = "echo", IReadOnlyDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ECHO_INSTANCE_NAME"] = instanceName,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var process = await ServiceProcess.StartAsync($"echo service {instanceName}", RepositoryLayout.EchoServiceAssembly, environment, ReadyWithin);
        return new EchoService(process, instanceName);
    }

    public async Task<EchoStats> StatsAsync() =>
        await http.GetFromJsonAsync<EchoStats>("/stats") ?? throw new InvalidOperationException("GET /stats answered null.");

    /// <summary>Shuts the service down as an orchestrator would (SIGTERM), letting it deregister.</summary>
    public Task StopAsync() => process.StopAsync();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await process.DisposeAsync();
    }
}
