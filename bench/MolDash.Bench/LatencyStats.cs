using System.Diagnostics;
using System.Globalization;

namespace MolDash.Bench;

/// <summary>Latency percentiles and throughput of one measured run.</summary>
public sealed record LatencyStats(int Count, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public static LatencyStats From(IReadOnlyCollection<long> timestamps, TimeSpan elapsed)
    {
        var sorted = timestamps.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        return new LatencyStats(sorted.Length, elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    /// <summary>Runs <paramref name="operation"/> <paramref name="total"/> times over <paramref name="concurrency"/> workers.</summary>
    public static async Task<LatencyStats> MeasureAsync(int total, int concurrency, Func<Task> operation)
    {
        var durations = new long[total];
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < total)
            {
                durations[index] = await TimeAsync(operation);
            }
        });
        await Task.WhenAll(workers);
        return From(durations, clock.Elapsed);
    }

    /// <summary>The duration of each of <paramref name="total"/> runs of <paramref name="operation"/>, one at a time, in <see cref="Stopwatch"/> ticks.</summary>
    public static async Task<long[]> TimeEachAsync(int total, Func<Task> operation)
    {
        var durations = new long[total];
        for (var i = 0; i < total; i++)
        {
            durations[i] = await TimeAsync(operation);
        }

        return durations;
    }

    /// <summary>
    /// Runs <paramref name="first"/> and <paramref name="second"/> one after the other, <paramref name="total"/> times each,
    /// so that a machine whose speed drifts weighs on both alike; each starts <paramref name="pause"/> after the one before
    /// ended, so that neither is measured while the platform still finishes the other's work (unmeasured).
    /// </summary>
    /// <returns>Each one's durations, in <see cref="Stopwatch"/> ticks.</returns>
    public static async Task<(long[] First, long[] Second)> TimeAlternatelyAsync(int total, Func<Task> first, Func<Task> second, TimeSpan pause)
    {
        var (firsts, seconds) = (new long[total], new long[total]);
        for (var i = 0; i < total; i++)
        {
            firsts[i] = await TimeAsync(first);
            await Task.Delay(pause);
            seconds[i] = await TimeAsync(second);
            await Task.Delay(pause);
        }

        return (firsts, seconds);
    }

    private static async Task<long> TimeAsync(Func<Task> operation)
    {
        var start = Stopwatch.GetTimestamp();
        await operation();
        return Stopwatch.GetTimestamp() - start;
    }

    public string Format(string label) => string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {P50Ms:F2} | {P99Ms:F2} | {PerSecond:F0} | {Count} |");

    public const string TableHeader = "| case | p50 (ms) | p99 (ms) | per second | samples |\n|---|---|---|---|---|";

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
