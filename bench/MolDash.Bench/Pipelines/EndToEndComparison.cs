using System.Globalization;

namespace MolDash.Bench.Pipelines;

/// <summary>A pipeline's runs against the same calls made directly, in rounds of alternating samples, at one step length.</summary>
public sealed record EndToEndComparison(int StepMs, LatencyRounds Pipeline, LatencyRounds Direct)
{
    /// <summary>Each round's pipeline p50 over its direct calls' p50: both measured over the same minutes.</summary>
    public IReadOnlyList<double> Ratios => [.. Pipeline.Rounds.Zip(Direct.Rounds, (pipeline, direct) => pipeline.P50Ms / direct.P50Ms)];

    public string TableRow()
    {
        var (pipeline, direct) = (Pipeline.Median, Direct.Median);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {StepMs} ms | {pipeline.P50Ms:F1} | {direct.P50Ms:F1} | {LatencyRounds.MedianOf(Ratios):F2} ({Ratios.Min():F2}–{Ratios.Max():F2}) | {(pipeline.P50Ms - direct.P50Ms) / 3:F1} | {Pipeline.Rounds.Count} × {Pipeline.Rounds[0].Count} |");
    }

    public const string TableHeader = "| each step works | pipeline p50 (ms) | direct calls p50 (ms) | ratio (goal ≤ 1.2): median round (rounds' range) | platform time per step (ms) | rounds × samples |\n|---|---|---|---|---|---|";
}
