namespace MolDash.Bench;

/// <summary>One group of measurements; its report replaces its own section of docs/benchmarks.md.</summary>
public interface IBenchmarkSuite
{
    /// <summary>Short id used on the command line and as the section marker, e.g. "platform".</summary>
    string Name { get; }

    Task<BenchmarkReport> RunAsync(BenchmarkContext context, CancellationToken cancellationToken);
}
