using MolDash.Bench;

// Usage: dotnet run -c Release --project bench/MolDash.Bench -- [suite ...]   (no suite: all of them)
IBenchmarkSuite[] suites = [.. BenchmarkSuites.All];
var selected = args.Length == 0 ? suites : [.. suites.Where(s => args.Contains(s.Name, StringComparer.OrdinalIgnoreCase))];
if (selected.Length == 0)
{
    Console.Error.WriteLine($"Unknown suite. Known: {string.Join(", ", suites.Select(s => s.Name))}");
    return 2;
}

var root = RepositoryRoot.Find();
var document = Path.Combine(root, "docs", "benchmarks.md");
// A smoke run checks that the suites work; its figures are meaningless, so they are printed, never recorded.
var smoke = Environment.GetEnvironmentVariable("MOLDASH_BENCH_SMOKE") == "1";
foreach (var suite in selected)
{
    var command = $"./moldash bench {suite.Name}";
    Console.WriteLine($"== {suite.Name}");
    var report = await suite.RunAsync(new BenchmarkContext(root, command), CancellationToken.None);
    Console.WriteLine(report.MarkdownBody);
    if (!smoke)
    {
        BenchmarkDocument.WriteSection(document, suite.Name, report, command, TimeProvider.System);
    }
}

return 0;
