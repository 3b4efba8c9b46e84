using System.Diagnostics;
using System.Globalization;

namespace MolDash.Bench;

/// <summary>
/// Rounds of one measurement on a shared machine, whose speed drifts from minute to minute: the figures over
/// every sample, and each round's, whose spread says how much the machine varied while they ran.
/// </summary>
/// <param name="Samples">Each round's durations, in <see cref="Stopwatch"/> ticks.</param>
public sealed record LatencyRounds(IReadOnlyList<long[]> Samples)
{
    public LatencyStats All => StatsOf([.. Samples.SelectMany(round => round)]);

    public IReadOnlyList<LatencyStats> Rounds => [.. Samples.Select(StatsOf)];

    /// <summary>"p50 0.61–0.74 ms, p99 2.10–2.52 ms".</summary>
    public string Spread => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Rounds.Min(round => round.P50Ms):F2}–{Rounds.Max(round => round.P50Ms):F2} ms, p99 {Rounds.Min(round => round.P99Ms):F2}–{Rounds.Max(round => round.P99Ms):F2} ms");

    /// <summary>The time measured, without the pauses between samples.</summary>
    private static LatencyStats StatsOf(long[] durations) =>
        LatencyStats.From(durations, TimeSpan.FromSeconds(durations.Sum() / (double)Stopwatch.Frequency));
}
