using System.Globalization;

namespace MolDash.Bench;

/// <summary>
/// Rounds of one measurement on a shared machine, whose speed drifts from minute to minute: the median round
/// stands for them, and the spread of the rounds says how much the machine varied while they ran.
/// </summary>
public sealed record LatencyRounds(IReadOnlyList<LatencyStats> Rounds)
{
    /// <summary>The median of each round's figures, over all the rounds' samples and time.</summary>
    public LatencyStats Median => new(
        Rounds.Sum(round => round.Count),
        Rounds.Aggregate(TimeSpan.Zero, (total, round) => total + round.Elapsed),
        MedianOf(Rounds.Select(round => round.P50Ms)),
        MedianOf(Rounds.Select(round => round.P99Ms)));

    public static async Task<LatencyRounds> MeasureAsync(int rounds, Func<Task<LatencyStats>> round)
    {
        var measured = new List<LatencyStats>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            measured.Add(await round());
        }

        return new LatencyRounds(measured);
    }

    /// <summary>"p50 0.61–0.74 ms, p99 2.10–2.52 ms".</summary>
    public string Spread => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Rounds.Min(round => round.P50Ms):F2}–{Rounds.Max(round => round.P50Ms):F2} ms, p99 {Rounds.Min(round => round.P99Ms):F2}–{Rounds.Max(round => round.P99Ms):F2} ms");

    public static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
