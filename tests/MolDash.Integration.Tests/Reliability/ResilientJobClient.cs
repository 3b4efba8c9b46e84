using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>
/// A client of the job API as a careful integrator writes one, configured with every API replica's address:
/// each job gets its own Idempotency-Key, and a submission that was not accepted (503, 429, a refused or dropped
/// connection, no answer) is sent again with the same key to the next replica until it is, so a job is accepted
/// once however often it is sent. Reading a job fails over the same way.
/// </summary>
public sealed class ResilientJobClient(IReadOnlyList<Uri> apis, string accessToken, FaultTally tally) : IDisposable
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);
    private static readonly HashSet<string> FinalStatuses = ["Succeeded", "Failed", "Cancelled"];

    // Longer than the cluster's own response timeout (30 s), so the platform, not the client, decides a call failed.
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(10) }) { Timeout = TimeSpan.FromSeconds(40) };
    private int next;

    public FaultTally Tally => tally;

    /// <summary>Submits one run of <paramref name="task"/> and returns its job id once a replica accepted it.</summary>
    public async Task<Guid> SubmitAsync(object parameters, TimeSpan within, string task = JobScenario.Task)
    {
        var key = Guid.NewGuid().ToString();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(NextApi(), $"{task}/runs")) { Content = JsonContent.Create(new { parameters }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.Add("Idempotency-Key", key);
            try
            {
                using var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
                    tally.Accept(jobId);
                    return jobId;
                }

                tally.Refuse((int)response.StatusCode);
                if ((int)response.StatusCode is not (503 or 429 or >= 500))
                {
                    throw new InvalidOperationException($"The submission was refused for good: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                tally.Drop();
            }

            if (clock.Elapsed > within)
            {
                throw new TimeoutException($"No API replica accepted the submission within {within}.");
            }

            await Task.Delay(RetryPause);
        }
    }

    /// <summary>
    /// Follows the jobs until each is final (or <paramref name="enough"/> holds for what is known) or <paramref name="within"/>
    /// has passed; a job a replica answers 404 for is "Lost".
    /// </summary>
    public async Task<Dictionary<Guid, string>> FinalStatusesAsync(
        IReadOnlyCollection<Guid> jobs, TimeSpan within, Func<IReadOnlyDictionary<Guid, string>, bool>? enough = null)
    {
        var statuses = jobs.ToDictionary(job => job, _ => "Unknown");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            foreach (var job in statuses.Where(pair => !FinalStatuses.Contains(pair.Value)).Select(pair => pair.Key).ToList())
            {
                statuses[job] = await StatusAsync(job) ?? statuses[job];
            }

            if (statuses.Values.All(FinalStatuses.Contains) || enough?.Invoke(statuses) == true)
            {
                break;
            }

            await Task.Delay(RetryPause);
        }

        return statuses;
    }

    /// <summary>The job as any replica answers it, or null while none does.</summary>
    public async Task<JsonElement?> GetAsync(Guid jobId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(NextApi(), $"/api/v1/jobs/{jobId}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        try
        {
            using var response = await http.SendAsync(request);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => await response.Content.ReadFromJsonAsync<JsonElement>(),
                HttpStatusCode.NotFound => JsonDocument.Parse("""{"status":"Lost"}""").RootElement,
                _ => null,
            };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<string?> StatusAsync(Guid jobId) =>
        await GetAsync(jobId) is { } job ? job.GetProperty("status").GetString() : null;

    private Uri NextApi() => apis[(Interlocked.Increment(ref next) & int.MaxValue) % apis.Count];
}
