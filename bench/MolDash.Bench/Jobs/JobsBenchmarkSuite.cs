using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MolDash.Testing;

namespace MolDash.Bench.Jobs;

/// <summary>
/// Jobs end to end on the real stack (API, silo, PostgreSQL persistence, echo task service process): one-node
/// job latency from submission to the SignalR client seeing SUCCEEDED, sustained throughput, event push
/// latency, and the silo's memory once many completed jobs have been deactivated.
/// </summary>
public sealed class JobsBenchmarkSuite : IBenchmarkSuite
{
    private const int LatencySamples = 300;
    private static readonly string[] AdminRole = ["admin"];
    private const int SustainedJobs = 5_000;
    private const int SustainedConcurrency = 16;
    private const int PacedJobs = 600;
    private const int PacedPerSecond = 30;
    private static readonly TimeSpan CollectionAge = TimeSpan.FromMinutes(1);

    public string Name => "jobs";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        await using var platform = await PlatformUnderTest.StartAsync("bench_jobs", new Dictionary<string, string>
        {
            ["GrainCollection__CollectionAge"] = CollectionAge.ToString("c", CultureInfo.InvariantCulture),
            ["GrainCollection__CollectionQuantum"] = "00:00:10",
            // The echo service answers at once: let one instance take as many runs as the submitters make.
            ["TaskServices__MaxConcurrencyPerInstance"] = "64",
            ["Logging__LogLevel__Default"] = "Error",
        });
        await using var echo = await EchoService.StartAsync();
        var (member, memberToken) = await SetUpAsync(platform, echo, cancellationToken);
        using var _ = member;
        await using var feed = await JobFeedListener.StartAsync(platform.ApiAddress, memberToken);

        async Task<Guid> SubmitAsync()
        {
            using var response = await member.PostAsJsonAsync("/api/v1/tasks/echo/versions/1.0.0/runs",
                new { parameters = new { message = "benchmark" } }, cancellationToken);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("jobId").GetGuid();
        }

        async Task SubmitAndSeeDoneAsync()
        {
            var jobId = await SubmitAsync();
            await feed.FinishedAt(jobId).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        Console.WriteLine("warming up");
        await LatencyStats.MeasureAsync(50, 4, SubmitAndSeeDoneAsync);
        Console.WriteLine($"one-node job latency, {LatencySamples} sequential jobs");
        var oneByOne = await LatencyStats.MeasureAsync(LatencySamples, 1, SubmitAndSeeDoneAsync);

        Console.WriteLine($"paced: {PacedJobs} jobs at {PacedPerSecond} per second");
        feed.ClearLatencies();
        await SubmitPacedAsync(PacedJobs, PacedPerSecond, SubmitAndSeeDoneAsync, cancellationToken);
        var pacedPush = feed.PushLatenciesMs.Order().ToArray();

        Console.WriteLine($"sustained: {SustainedJobs} jobs, {SustainedConcurrency} submitters");
        feed.ClearLatencies();
        var ids = new Guid[SustainedJobs];
        var next = -1;
        var cpuBefore = ProcessCpu.Snapshot();
        var start = Stopwatch.GetTimestamp();
        var submitted = await LatencyStats.MeasureAsync(SustainedJobs, SustainedConcurrency, async () =>
            ids[Interlocked.Increment(ref next)] = await SubmitAsync());
        var lastDone = (await Task.WhenAll(ids.Select(id => feed.FinishedAt(id).WaitAsync(TimeSpan.FromMinutes(10), cancellationToken)))).Max();
        var completed = Stopwatch.GetElapsedTime(start, lastDone);
        var cpu = ProcessCpu.Snapshot().FormatSince(cpuBefore, Stopwatch.GetElapsedTime(start));
        Console.WriteLine(cpu);
        var push = feed.PushLatenciesMs.Order().ToArray();

        var rssBusy = RssMegabytes(platform.Silo!.ProcessId);
        Console.WriteLine($"waiting {CollectionAge + TimeSpan.FromSeconds(40)} for idle jobs to be deactivated");
        await Task.Delay(CollectionAge + TimeSpan.FromSeconds(40), cancellationToken);
        var rssIdle = RssMegabytes(platform.Silo!.ProcessId);
        var listed = await member.GetFromJsonAsync<JsonElement>("/api/v1/jobs?status=Succeeded&limit=1", cancellationToken);

        var body = new StringBuilder();
        body.AppendLine(LatencyStats.TableHeader);
        body.AppendLine(oneByOne.Format("one-node echo job: POST …/runs → SignalR client sees SUCCEEDED, one at a time"));
        body.AppendLine(submitted.Format($"POST …/runs accepted (202), {SustainedConcurrency} concurrent submitters"));
        body.AppendLine();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Sustained: {SustainedJobs:N0} one-node jobs submitted in {submitted.Elapsed.TotalSeconds:F1} s ({submitted.PerSecond:F0} jobs/s accepted); all {SustainedJobs:N0} seen SUCCEEDED over SignalR {completed.TotalSeconds:F1} s after the first submission ({SustainedJobs / completed.TotalSeconds:F0} jobs/s completed). Goal: ≥ 500 jobs/s."));
        body.AppendLine();
        body.AppendLine("Where the CPU went during the sustained run:");
        body.AppendLine();
        body.AppendLine(cpu);
        body.AppendLine();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Event push latency, grain (event timestamp) → .NET SignalR client, at a steady {PacedPerSecond} jobs/s ({PacedJobs:N0} jobs, {pacedPush.Length:N0} events): p50 {Percentile(pacedPush, 0.50):F1} ms, p99 {Percentile(pacedPush, 0.99):F1} ms, max {pacedPush[^1]:F1} ms. Goal: p99 ≤ 50 ms."));
        body.AppendLine();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"The same over the {push.Length:N0} events of the sustained run, where submissions outrun completions and events wait in the backlog: p50 {Percentile(push, 0.50):F1} ms, p99 {Percentile(push, 0.99):F1} ms, max {push[^1]:F1} ms."));
        body.AppendLine();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Silo memory (RSS): {rssBusy:F0} MB right after the sustained run with {SustainedJobs + LatencySamples + PacedJobs + 50:N0} completed jobs; {rssIdle:F0} MB once idle activations were collected (collection age set to {CollectionAge.TotalMinutes:F0} min for the run; 15 min by default). The org's listing still answers from the results database (first page of SUCCEEDED jobs: {listed.GetProperty("items").GetArrayLength()} row)."));
        body.AppendLine();
        body.AppendLine("Each job: a job grain (state written to PostgreSQL on every transition: created+queued, started, succeeded), watched by one of its org's watchdog shards (one batched write shared by the jobs submitted meanwhile), an idempotent dispatch to the task-service grain, an HTTP call to the echo service, the timeline and result upserted into the org's results database, the events pushed through the org's feed grain to the API replica and its SignalR group. The echo instance takes up to 64 concurrent runs (TaskServices:MaxConcurrencyPerInstance; the default is 8). Silo, API, echo service, PostgreSQL, Azurite and the load generator share the machine's 2 cores.");
        return new BenchmarkReport("Jobs: latency, throughput, live push and memory", body.ToString());
    }

    /// <summary>An org with generous quotas, its Admin, and the echo task published with <paramref name="echo"/> registered; the Admin's client and token.</summary>
    internal static async Task<(HttpClient Member, string Token)> SetUpAsync(PlatformUnderTest platform, EchoService echo, CancellationToken cancellationToken)
    {
        using var root = Client(platform, await platform.LoginAsRootAsync());
        using var created = await root.PostAsJsonAsync("/api/v1/orgs", new { name = "Jobs Benchmark" }, cancellationToken);
        var orgId = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        using (var quotas = await root.PutAsJsonAsync($"/api/v1/orgs/{orgId}/quotas",
            new { maxConcurrentJobs = 100_000, maxStorageBytes = 50L << 30, maxUploadBytes = 100L << 20, jobRetentionDays = 365 }, cancellationToken))
        {
            quotas.EnsureSuccessStatusCode();
        }

        const string password = "benchmark-password-1";
        var email = "jobs-bench@moldash.test";
        using (var user = await root.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users", new { email, password, roles = AdminRole }, cancellationToken))
        {
            user.EnsureSuccessStatusCode();
        }

        var token = await platform.AccessTokenAsync(email, password);
        var member = Client(platform, token);
        using var service = new HttpClient { BaseAddress = echo.Address };
        var document = await service.GetStringAsync("/openapi.json", cancellationToken);
        using (var defined = await member.PostAsJsonAsync("/api/v1/tasks", new
        {
            name = "echo",
            version = "1.0.0",
            description = "Echo",
            document,
            deployment = new { image = "moldash/echo:1", deterministic = true },
        }, cancellationToken))
        {
            defined.EnsureSuccessStatusCode();
        }

        (await member.PostAsync("/api/v1/tasks/echo/versions/1.0.0/publish", null, cancellationToken)).EnsureSuccessStatusCode();
        (await member.PostAsJsonAsync("/api/v1/tasks/echo/versions/1.0.0/service/instances", new { address = echo.Address.ToString() }, cancellationToken)).EnsureSuccessStatusCode();
        return (member, token);
    }

    private static HttpClient Client(PlatformUnderTest platform, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 128 }) { BaseAddress = platform.ApiAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Starts one operation every 1/<paramref name="perSecond"/> s, whether or not the earlier ones are done, and waits for all.</summary>
    private static async Task SubmitPacedAsync(int total, int perSecond, Func<Task> operation, CancellationToken cancellationToken)
    {
        using var pace = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / perSecond));
        var running = new List<Task>(total);
        for (var i = 0; i < total && await pace.WaitForNextTickAsync(cancellationToken); i++)
        {
            running.Add(operation());
        }

        await Task.WhenAll(running);
    }

    private static double RssMegabytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
