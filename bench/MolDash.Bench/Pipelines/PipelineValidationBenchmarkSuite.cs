using System.Diagnostics;
using System.Globalization;
using System.Text;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.Grains.Pipelines;

namespace MolDash.Bench.Pipelines;

/// <summary>
/// How long <see cref="PipelineValidator"/> takes on 200-node graphs (every rule, schema compatibility of
/// each edge included), measured in-process: it runs inside a grain turn on every draft save and publish.
/// </summary>
public sealed class PipelineValidationBenchmarkSuite : IBenchmarkSuite
{
    private const int Warmup = 50;
    private const int Samples = 1_000;

    public string Name => "pipeline-validation";

    public Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var document = File.ReadAllText(Path.Combine(context.RepositoryRoot, "tests", "MolDash.Grains.Tests", "Registry", "TestData", "docking-openapi.json"));
        var tasks = ValidationGraphs.Tasks(document);
        (string Label, PipelineGraph Graph)[] cases =
        [
            ("chain: prepare-ligand → properties → … (docking document)", ValidationGraphs.Chain()),
            ("fan-out/fan-in: receptor + 99 ligands → 99 docks → collect", ValidationGraphs.FanOutFanIn()),
            ("random DAG: 1–3 upstream edges per node (synthetic task)", ValidationGraphs.RandomDag()),
        ];

        var body = new StringBuilder();
        body.AppendLine(LatencyStats.TableHeader);
        foreach (var (label, graph) in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Console.WriteLine(label);
            if (PipelineValidator.Validate(graph, tasks) is { Count: > 0 } errors)
            {
                throw new InvalidOperationException($"{label} is not valid, so not every rule would run: {string.Join("; ", errors.Take(5).Select(error => $"{error.Pointer} {error.Message}"))}");
            }

            body.AppendLine(Measure(graph, tasks).Format($"{label} ({graph.Nodes.Count} nodes, {graph.Edges.Count} edges)"));
        }

        body.AppendLine();
        body.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"One thread, {Samples} validations per graph after {Warmup} to warm up; each graph is valid, so every check runs to its end. Task contracts are loaded once, as a pipeline grain keeps them. Load average while measuring: {LoadAverage()} (the p99 follows the machine's load more than the graph)."));
        return Task.FromResult(new BenchmarkReport("Pipeline validation (200-node graphs)", body.ToString()));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static LatencyStats Measure(PipelineGraph graph, IReadOnlyDictionary<string, PipelineTask> tasks)
    {
        for (var i = 0; i < Warmup; i++)
        {
            PipelineValidator.Validate(graph, tasks);
        }

        var durations = new long[Samples];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            PipelineValidator.Validate(graph, tasks);
            durations[i] = Stopwatch.GetTimestamp() - start;
        }

        return LatencyStats.From(durations, clock.Elapsed);
    }
}
