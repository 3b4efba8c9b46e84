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
    private static readonly string[] AdminRole = ["admin"];
    private const int SustainedInFlight = 128;
    private const int PacedPerSecond = 30;
    private static readonly TimeSpan CollectionAge = TimeSpan.FromMinutes(1);

    public string Name => "jobs";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        // MOLDASH_BENCH_SMOKE=1: a few jobs of each kind, to see the suite work (figures are meaningless then).
        var smoke = Environment.GetEnvironmentVariable("MOLDASH_BENCH_SMOKE") == "1";
        var (latencySamples, pacedJobs, sustainedJobs, warmUpJobs) = smoke ? (30, 60, 2_000, 200) : (300, 600, 100_000, 3_000);
        await using var platform = await PlatformUnderTest.StartAsync("bench_jobs", new Dictionary<string, string>
        {
            ["GrainCollection__CollectionAge"] = CollectionAge.ToString("c", CultureInfo.InvariantCulture),
            ["GrainCollection__CollectionQuantum"] = "00:00:10",
            // The echo service answers at once: let one instance take as many runs as the submitters make.
            ["TaskServices__MaxConcurrencyPerInstance"] = "128",
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

        Console.WriteLine($"warming up: {warmUpJobs} jobs");
        await LatencyStats.MeasureAsync(50, 4, SubmitAndSeeDoneAsync);
        // The first thousands of calls run code the JIT has not optimised yet; a running cluster is past that.
        await LatencyStats.MeasureAsync(warmUpJobs, SustainedInFlight, SubmitAndSeeDoneAsync);
        Console.WriteLine($"one-node job latency, {latencySamples} sequential jobs");
        var oneByOne = await LatencyStats.MeasureAsync(latencySamples, 1, SubmitAndSeeDoneAsync);

        Console.WriteLine($"paced: {pacedJobs} jobs at {PacedPerSecond} per second");
        feed.ClearLatencies();
        await SubmitPacedAsync(pacedJobs, PacedPerSecond, SubmitAndSeeDoneAsync, cancellationToken);
        var pacedPush = feed.PushLatenciesMs.Order().ToArray();

        Console.WriteLine($"sustained: {sustainedJobs} jobs, {SustainedInFlight} in flight");
        feed.ClearLatencies();
        var cpuBefore = ProcessCpu.Snapshot();
        var clock = Stopwatch.StartNew();
        var sustained = await LatencyStats.MeasureAsync(sustainedJobs, SustainedInFlight, SubmitAndSeeDoneAsync);
        var cpu = ProcessCpu.Snapshot().FormatSince(cpuBefore, clock.Elapsed);
        Console.WriteLine($"{sustained.PerSecond:F0} jobs/s completed");
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
        body.AppendLine(sustained.Format($"the same with {SustainedInFlight} jobs in flight (each client submits again when it sees its job SUCCEEDED)"));
        body.AppendLine();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Sustained: {sustainedJobs:N0} one-node jobs completed in {sustained.Elapsed.TotalSeconds:F1} s, **{sustained.PerSecond:F0} jobs/s** from submission to SUCCEEDED seen over SignalR, after {warmUpJobs:N0} jobs to warm up. Goal: ≥ 500 jobs/s."));
        body.AppendLine();
        body.AppendLine("Where the CPU went during the sustained run:");
        body.AppendLine();
        body.AppendLine(cpu);
        body.AppendLine();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Event push latency, grain (event timestamp) → .NET SignalR client, at a steady {PacedPerSecond} jobs/s ({pacedJobs:N0} jobs, {pacedPush.Length:N0} events): p50 {Percentile(pacedPush, 0.50):F1} ms, p99 {Percentile(pacedPush, 0.99):F1} ms, max {pacedPush[^1]:F1} ms. Goal: p99 ≤ 50 ms."));
        body.AppendLine();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"The same over the {push.Length:N0} events of the sustained run, with the machine's cores saturated: p50 {Percentile(push, 0.50):F1} ms, p99 {Percentile(push, 0.99):F1} ms, max {push[^1]:F1} ms."));
        body.AppendLine();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Silo memory (RSS): {rssBusy:F0} MB right after the sustained run with {sustainedJobs + warmUpJobs + latencySamples + pacedJobs + 50:N0} completed jobs; {rssIdle:F0} MB once idle activations were collected (collection age set to {CollectionAge.TotalMinutes:F0} min for the run; 15 min by default). The org's listing still answers from the results database (first page of SUCCEEDED jobs: {listed.GetProperty("items").GetArrayLength()} row). The silo runs Server GC without DATAS (see Pipeline runs), which lets its heap grow with the load: with DATAS it was 785–796 MB after the same run."));
        body.AppendLine();
        body.AppendLine("Each job: a job grain whose state is written to PostgreSQL (Orleans' binary format) before it acts: created and queued, then finished (a run's start is written with its end when the run is shorter than Jobs:ProgressWriteDelay, 200 ms), watched by one of its org's watchdog shards (one batched write shared by the jobs submitted meanwhile), an idempotent dispatch to the task-service grain, an HTTP call to the echo service, the events pushed through the org's feed grain to the API replica (the events published during one delivery go in the next) and its SignalR group, the timeline and result upserted into the org's results database (the writes of jobs finishing together share a round trip); once finished, its log appended, with those of the jobs finishing at the same time, to the org's shared log blob, and its location recorded with its timeline (beside the push, which does not wait for it). The echo instance takes up to 128 concurrent runs (TaskServices:MaxConcurrencyPerInstance; the default is 8). Silo, API, echo service, PostgreSQL, Azurite and the load generator share the machine's 2 cores.");
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
