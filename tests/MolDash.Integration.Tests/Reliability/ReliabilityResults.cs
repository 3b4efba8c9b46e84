using System.Text.Json;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>
/// Where fault runs leave their figures: one JSON line per run in the file MOLDASH_RELIABILITY_RESULTS names
/// (`./moldash reliability` sets it and renders the lines into docs/reliability.md); nowhere when it is unset.
/// </summary>
public static class ReliabilityResults
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task RecordAsync(FaultRun run)
    {
        if (Environment.GetEnvironmentVariable("MOLDASH_RELIABILITY_RESULTS") is not { Length: > 0 } path)
        {
            return;
        }

        await Gate.WaitAsync();
        try
        {
            await File.AppendAllTextAsync(path, JsonSerializer.Serialize(run, Json) + "\n");
        }
        finally
        {
            Gate.Release();
        }
    }
}
