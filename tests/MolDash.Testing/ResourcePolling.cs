using System.Net.Http.Json;
using System.Text.Json;

namespace MolDash.Testing;

/// <summary>Waiting for a resource of the API to reach a state (a job to finish, a schedule to fire), by reading it again.</summary>
public static class ResourcePolling
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls a resource until <paramref name="done"/> holds for it (or fails the test after <paramref name="within"/>).</summary>
    public static async Task<JsonElement> UntilAsync(HttpClient client, string path, Func<JsonElement, bool> done, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var resource = await client.GetFromJsonAsync<JsonElement>(path);
            if (done(resource))
            {
                return resource;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{path} did not reach the awaited state within {within}: {resource}");
            }

            await Task.Delay(Interval);
        }
    }
}
