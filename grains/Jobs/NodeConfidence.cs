using System.Text.Json;

namespace MolDash.Grains.Jobs;

/// <summary>
/// How far a node's result can be trusted to come out the same if run again, 0–1: a task's own
/// top-level "confidence" when its output has one (e.g. the docking service's pose agreement), else 1.0
/// for a deterministic task (same input and seed, same output) and unknown (null) for any other.
/// </summary>
public static class NodeConfidence
{
    public static double? Of(string outputJson, bool deterministic)
    {
        try
        {
            using var output = JsonDocument.Parse(outputJson);
            if (output.RootElement.ValueKind == JsonValueKind.Object
                && output.RootElement.TryGetProperty("confidence", out var stated)
                && stated.ValueKind == JsonValueKind.Number
                && stated.GetDouble() is >= 0 and <= 1 and var value)
            {
                return value;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return deterministic ? 1.0 : null;
    }
}
