using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MolDash.Bench.Jobs;
using MolDash.Testing;

namespace MolDash.Bench.Pipelines;

/// <summary>
/// Pipeline runs through the REST API on the real stack: a cache-hit submission against a miss, 100
/// identical concurrent submissions (single flight), and a three-step echo pipeline end to end against
/// the sum of its three direct service calls. MOLDASH_BENCH_SMOKE=1 runs a few samples of each, to check
/// the suite works (its figures mean nothing).
/// </summary>
public sealed class PipelineRunsBenchmarkSuite : IBenchmarkSuite
{
    private const string Runs = "/api/v1/pipelines/chain/versions/1.0.0/runs";
    private const int Concurrent = 100;

    public string Name => "pipeline-runs";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var smoke = Environment.GetEnvironmentVariable("MOLDASH_BENCH_SMOKE") == "1";
        var (hits, misses, endToEnd) = smoke ? (20, 10, 5) : (1_000, 300, 100);
        await using var platform = await PlatformUnderTest.StartAsync("bench_pipeline_runs", new Dictionary<string, string>
        {
            ["TaskServices__MaxConcurrencyPerInstance"] = "64",
            ["Logging__LogLevel__Default"] = "Error",
        });
        await using var echo = await EchoService.StartAsync();
        var (admin, token) = await JobsBenchmarkSuite.SetUpAsync(platform, echo, cancellationToken);
        using var _ = admin;
        await PublishChainAsync(admin, cancellationToken);
        await using var feed = await JobFeedListener.StartAsync(platform.ApiAddress, token);

        async Task<(HttpStatusCode Status, Guid JobId)> SubmitAsync(string message, int delayMs = 0)
        {
            using var response = await admin.PostAsJsonAsync(Runs, new { inputs = new { message, delayMs } }, cancellationToken);
            response.EnsureSuccessStatusCode();
            var run = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return (response.StatusCode, run.GetProperty("job").GetProperty("jobId").GetGuid());
        }

        Console.WriteLine("cache hits and misses");
        var cached = await SubmitAsync("cached");
        await feed.FinishedAt(cached.JobId).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await LatencyStats.MeasureAsync(Math.Min(hits, 50), 1, () => ExpectAsync(SubmitAsync("cached"), HttpStatusCode.OK));
        var hit = await LatencyStats.MeasureAsync(hits, 1, () => ExpectAsync(SubmitAsync("cached"), HttpStatusCode.OK));
        var miss = await LatencyStats.MeasureAsync(misses, 1, () => ExpectAsync(SubmitAsync(Guid.NewGuid().ToString("N")), HttpStatusCode.Accepted));

        Console.WriteLine($"{Concurrent} identical concurrent submissions");
        var before = (await echo.StatsAsync()).Executions;
        var identical = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => SubmitAsync("single flight", delayMs: 500)));
        var jobs = identical.Select(run => run.JobId).Distinct().ToList();
        await Task.WhenAll(jobs.Select(job => feed.FinishedAt(job).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken)));
        var executions = (await echo.StatsAsync()).Executions - before;

        Console.WriteLine("three-step pipeline end to end against three direct calls");
        using var direct = new HttpClient { BaseAddress = echo.Address };
        var pipeline = await LatencyStats.MeasureAsync(endToEnd, 1, async () =>
        {
            var (_, jobId) = await SubmitAsync(Guid.NewGuid().ToString("N"));
            await feed.FinishedAt(jobId).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        });
        var calls = await LatencyStats.MeasureAsync(endToEnd, 1, async () =>
        {
            var message = Guid.NewGuid().ToString("N");
            for (var step = 0; step < 3; step++)
            {
                using var response = await direct.PostAsJsonAsync("/echo", new { message }, cancellationToken);
                response.EnsureSuccessStatusCode();
            }
        });

        var body = new StringBuilder();
        body.AppendLine(LatencyStats.TableHeader);
        body.AppendLine(hit.Format("cache hit: POST …/runs answered 200 from the finished job, one at a time (goal p99 ≤ 3 ms)"));
        body.AppendLine(miss.Format("cache miss: POST …/runs answered 202 with a new job, one at a time"));
        body.AppendLine(pipeline.Format("three-step echo pipeline: POST …/runs → SignalR client sees SUCCEEDED"));
        body.AppendLine(calls.Format("the same three echo calls made directly, one after the other"));
        body.AppendLine();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{Concurrent} identical concurrent submissions (each step 500 ms): {jobs.Count} job(s), {executions} echo execution(s) (goal: 1 job, 3 executions)."));
        body.AppendLine();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"End-to-end ratio, pipeline p50 / direct calls p50: {pipeline.P50Ms / calls.P50Ms:F2} (goal ≤ 1.2)."));
        body.AppendLine();
        body.AppendLine("A hit reads the pipeline's version and task versions, computes the input signature and asks the cache entry, which asks its job for its status. A miss also makes and starts the job. The pipeline run is measured until the SignalR client sees the job succeed: three dispatches to the task-service grain, three echo calls, and the job's state written after each step. Silo, API, echo service, PostgreSQL, Azurite and the load generator share the machine's 2 cores.");
        return new BenchmarkReport("Pipeline runs: cache hits, single flight, end to end", body.ToString());
    }

    private static async Task ExpectAsync(Task<(HttpStatusCode Status, Guid JobId)> submission, HttpStatusCode expected)
    {
        var (status, _) = await submission;
        if (status != expected)
        {
            throw new InvalidOperationException($"Expected {expected} but the submission was answered {status}.");
        }
    }

    /// <summary>a → b → c: each echo step passes the message on; the run gives the message and the steps' delay.</summary>
    private static async Task PublishChainAsync(HttpClient admin, CancellationToken cancellationToken)
    {
        var node = (string id) => new { id, taskName = "echo", taskVersion = "1.0.0" };
        var edge = (string from, string to) => new { fromNode = from, fromPointer = "/message", toNode = to, toPointer = "/message" };
        var graph = new
        {
            nodes = new[] { node("a"), node("b"), node("c") },
            edges = new[] { edge("a", "b"), edge("b", "c") },
            inputs = new object[]
            {
                new { name = "message", targets = new[] { new { nodeId = "a", pointer = "/message" } } },
                new { name = "delayMs", targets = new[] { new { nodeId = "a", pointer = "/delayMs" }, new { nodeId = "b", pointer = "/delayMs" }, new { nodeId = "c", pointer = "/delayMs" } }, defaultJson = "0" },
            },
        };
        using (var created = await admin.PostAsJsonAsync("/api/v1/pipelines", new { name = "chain", graph }, cancellationToken))
        {
            created.EnsureSuccessStatusCode();
        }

        (await admin.PostAsync("/api/v1/pipelines/chain/versions/1.0.0/publish", null, cancellationToken)).EnsureSuccessStatusCode();
    }
}
