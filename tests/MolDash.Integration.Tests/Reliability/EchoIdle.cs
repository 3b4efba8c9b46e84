using System.Diagnostics;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Reliability;

public static class EchoIdle
{
    /// <summary>The echo service's counts once no run is in flight (a run abandoned by a fault may still be winding down).</summary>
    public static async Task<EchoStats> StatsAsync(EchoService echo)
    {
        var clock = Stopwatch.StartNew();
        var stats = await echo.StatsAsync();
        while (stats.InFlight > 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
            stats = await echo.StatsAsync();
        }

        return stats;
    }
}
