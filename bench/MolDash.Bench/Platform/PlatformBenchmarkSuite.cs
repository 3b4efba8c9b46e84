using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MolDash.Testing;

namespace MolDash.Bench.Platform;

/// <summary>
/// The cost of a grain round trip through the API: GET of an organization (API → organization grain → API)
/// against GET /auth/me, which runs the same HTTP, authentication and JSON pipeline without a grain call.
/// </summary>
public sealed class PlatformBenchmarkSuite : IBenchmarkSuite
{
    private const int Warmup = 1_000;
    private static readonly (int Concurrency, int Requests)[] Loads = [(1, 3_000), (32, 30_000)];

    public string Name => "platform";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        await using var platform = await PlatformUnderTest.StartAsync("bench");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = platform.ApiAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", await platform.LoginAsRootAsync());

        using var created = await http.PostAsJsonAsync("/api/v1/orgs", new { name = "Benchmark Org" }, cancellationToken);
        created.EnsureSuccessStatusCode();
        var orgId = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();

        var grainPath = $"/api/v1/orgs/{orgId}";
        const string noGrainPath = "/api/v1/auth/me";
        await LatencyStats.MeasureAsync(Warmup, 8, () => GetAsync(http, grainPath));
        await LatencyStats.MeasureAsync(Warmup, 8, () => GetAsync(http, noGrainPath));

        var body = new StringBuilder();
        body.AppendLine(LatencyStats.TableHeader);
        var ratios = new List<string>();
        foreach (var (concurrency, requests) in Loads)
        {
            var withGrain = await LatencyStats.MeasureAsync(requests, concurrency, () => GetAsync(http, grainPath));
            var withoutGrain = await LatencyStats.MeasureAsync(requests, concurrency, () => GetAsync(http, noGrainPath));
            body.AppendLine(withGrain.Format($"GET /api/v1/orgs/{{id}} (grain round trip), concurrency {concurrency}"));
            body.AppendLine(withoutGrain.Format($"GET /api/v1/auth/me (no grain call), concurrency {concurrency}"));
            ratios.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {concurrency} | {withGrain.P50Ms / withoutGrain.P50Ms:F2} | {withGrain.P99Ms / withoutGrain.P99Ms:F2} | {withGrain.PerSecond / withoutGrain.PerSecond:F2} |"));
        }

        body.AppendLine();
        body.AppendLine("Ratio of the grain round trip to the endpoint without a grain call, measured in the same run:");
        body.AppendLine();
        body.AppendLine("| concurrency | p50 ratio | p99 ratio | throughput ratio |");
        body.AppendLine("|---|---|---|---|");
        ratios.ForEach(row => body.AppendLine(row));
        body.AppendLine();
        body.AppendLine("One silo process and one API process on loopback with PostgreSQL and Azurite, and the load generator on the same 2 cores, so every figure includes the client's share of the CPU. Requests carry a JWT bearer token; the organization grain is already active (its state loaded), which is the steady state of a read.");
        return new BenchmarkReport("Platform: API → grain round trip", body.ToString());
    }

    private static async Task GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
    }
}
