using System.Globalization;

namespace MolDash.Bench.Pipelines;

/// <summary>A pipeline's runs against the same calls made directly, in rounds of alternating samples, at one step length.</summary>
public sealed record EndToEndComparison(int StepMs, LatencyRounds Pipeline, LatencyRounds Direct)
{
    /// <summary>The pipeline's p50 over the direct calls' p50, over all the samples.</summary>
    public double Ratio => Pipeline.All.P50Ms / Direct.All.P50Ms;

    /// <summary>Each round's ratio: both measured over the same minutes.</summary>
    public IReadOnlyList<double> RoundRatios => [.. Pipeline.Rounds.Zip(Direct.Rounds, (pipeline, direct) => pipeline.P50Ms / direct.P50Ms)];

    public string TableRow()
    {
        var (pipeline, direct) = (Pipeline.All, Direct.All);
        return string.Create(CultureInfo.InvariantCulture,
            $"| {StepMs} ms | {pipeline.P50Ms:F1} | {direct.P50Ms:F1} | {Ratio:F2} ({RoundRatios.Min():F2}–{RoundRatios.Max():F2}) | {(pipeline.P50Ms - direct.P50Ms) / 3:F1} | {Pipeline.Samples.Count} × {Pipeline.Samples[0].Length} |");
    }

    public const string TableHeader = "| each step works | pipeline p50 (ms) | direct calls p50 (ms) | ratio (goal ≤ 1.2), and each round's | platform time per step (ms) | rounds × samples |\n|---|---|---|---|---|---|";
}
