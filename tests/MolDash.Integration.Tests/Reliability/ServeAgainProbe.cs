using System.Diagnostics;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>
/// Measures how long after a fault the platform serves again: short jobs are submitted one after another and
/// followed; the figure is when the first of them (all submitted after the fault) is seen completed.
/// </summary>
public static class ServeAgainProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan FollowEach = TimeSpan.FromSeconds(2);

    /// <param name="since">Started when the fault was injected.</param>
    public static async Task<TimeSpan> MeasureAsync(ResilientJobClient client, Stopwatch since)
    {
        var probes = new List<Guid>();
        while (since.Elapsed < Patience)
        {
            probes.Add(await client.SubmitAsync(new { message = $"probe {probes.Count}" }, Patience));
            var statuses = await client.FinalStatusesAsync(probes, FollowEach, known => known.Values.Contains("Succeeded"));
            if (statuses.ContainsValue("Succeeded"))
            {
                return since.Elapsed;
            }
        }

        throw new TimeoutException($"None of {probes.Count} jobs submitted after the fault completed within {Patience}.");
    }
}
