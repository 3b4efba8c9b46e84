using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Testing;
using Orleans.Configuration;

namespace MolDash.Bench.TaskServices;

/// <summary>
/// What the task-service grain adds to a run: the echo task invoked through the grain (an Orleans client
/// of the silo under test calling InvokeAsync, which validates the parameters, routes to the instance and
/// makes the HTTP call) against the same HTTP call made directly from this process, at concurrency 1 and 64.
/// </summary>
public sealed class InvocationBenchmarkSuite : IBenchmarkSuite
{
    private const string Parameters = """{ "message": "benchmark" }""";
    private static readonly (int Concurrency, int Runs)[] Loads = [(1, 2_000), (64, 20_000)];

    public string Name => "invocation";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        // MOLDASH_BENCH_SMOKE=1: a few runs, to see the suite work (figures are meaningless then).
        var scale = Environment.GetEnvironmentVariable("MOLDASH_BENCH_SMOKE") is "1" ? 100 : 1;
        await using var platform = await PlatformUnderTest.StartAsync("bench_invocation", new Dictionary<string, string>
        {
            // The echo service answers at once: one instance takes as many runs as the callers make.
            ["TaskServices__MaxConcurrencyPerInstance"] = "64",
            ["Logging__LogLevel__Default"] = "Error",
        });
        await using var echo = await EchoService.StartAsync();
        var (admin, _) = await Jobs.JobsBenchmarkSuite.SetUpAsync(platform, echo, cancellationToken);
        Guid orgId;
        using (admin)
        {
            orgId = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/auth/me", cancellationToken)).GetProperty("orgId").GetGuid();
        }

        using var client = await ConnectAsync(platform, cancellationToken);
        var grain = client.Services.GetRequiredService<IClusterClient>().GetGrain<ITaskServiceGrain>(TaskDefinitionKey.Format(orgId, "echo", "1.0.0"));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = echo.Address };

        async Task ThroughGrainAsync()
        {
            // A job's run reaches the grain as the platform acting in the org.
            CallerContext.Set(Caller.PlatformIn(orgId));
            var result = await grain.InvokeAsync(new TaskRunRequest(Guid.NewGuid(), null, Parameters));
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The run through the grain failed: {result.Error}");
            }
        }

        async Task DirectAsync()
        {
            // The same request the grain makes.
            using var request = new HttpRequestMessage(HttpMethod.Post, "echo") { Content = new StringContent(Parameters, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            request.Headers.Add("X-MolDash-Org-Id", orgId.ToString());
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsStringAsync(cancellationToken);
        }

        Console.WriteLine("warming up");
        await LatencyStats.MeasureAsync(1_000 / scale, 8, ThroughGrainAsync);
        await LatencyStats.MeasureAsync(1_000 / scale, 8, DirectAsync);

        var body = new StringBuilder();
        body.AppendLine(LatencyStats.TableHeader);
        var comparisons = new List<string>();
        foreach (var (concurrency, runs) in Loads)
        {
            Console.WriteLine($"concurrency {concurrency}: {runs / scale} runs each way");
            var viaGrain = await LatencyStats.MeasureAsync(runs / scale, concurrency, ThroughGrainAsync);
            var direct = await LatencyStats.MeasureAsync(runs / scale, concurrency, DirectAsync);
            body.AppendLine(viaGrain.Format($"echo run through the task-service grain (InvokeAsync), concurrency {concurrency}"));
            body.AppendLine(direct.Format($"the same HTTP call directly, concurrency {concurrency}"));
            comparisons.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {concurrency} | {viaGrain.P50Ms - direct.P50Ms:F2} | {viaGrain.P50Ms / direct.P50Ms:F2} | {viaGrain.P99Ms / direct.P99Ms:F2} | {viaGrain.PerSecond / direct.PerSecond:F2} |"));
        }

        body.AppendLine();
        body.AppendLine("Through the grain compared with the direct call, measured in the same run:");
        body.AppendLine();
        body.AppendLine("| concurrency | added p50 (ms) | p50 ratio | p99 ratio | throughput ratio |");
        body.AppendLine("|---|---|---|---|---|");
        comparisons.ForEach(row => body.AppendLine(row));
        body.AppendLine();
        body.AppendLine("Goal: added p50 ≤ 2 ms and ≥ 2,000 runs/s through one task-service grain. The grain path is this process → silo gateway (Orleans client) → task-service grain (parameters checked against the schema, least-loaded instance, per-instance limit set to 64) → HTTP to the echo service on loopback → back; the direct path is the HTTP call alone, with the same headers and body. Silo, echo service, PostgreSQL, Azurite and the load generator share the machine's 2 cores.");
        return new BenchmarkReport("Task services: invocation through the grain vs. direct HTTP", body.ToString());
    }

    private static async Task<IHost> ConnectAsync(PlatformUnderTest platform, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = platform.Database.Name;
                options.ServiceId = "moldash";
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = "Npgsql";
                options.ConnectionString = platform.Database.ConnectionString;
            });
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }
}
