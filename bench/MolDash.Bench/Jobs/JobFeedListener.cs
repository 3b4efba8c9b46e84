using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace MolDash.Bench.Jobs;

/// <summary>
/// A SignalR client subscribed to all of an org's jobs: notes when each job's final event arrives and how
/// long every event took from the grain that wrote it to this client.
/// </summary>
public sealed class JobFeedListener : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long>> finished = new();
    private readonly ConcurrentBag<double> pushMs = [];

    private JobFeedListener(HubConnection connection)
    {
        this.connection = connection;
        connection.On<JsonElement>("jobEvent", Receive);
    }

    public IReadOnlyCollection<double> PushLatenciesMs => pushMs;

    public int Finished => finished.Values.Count(done => done.Task.IsCompleted);

    public static async Task<JobFeedListener> StartAsync(Uri api, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(api, "/hubs/jobs"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await connection.StartAsync();
        var listener = new JobFeedListener(connection);
        await connection.InvokeAsync("SubscribeOrg");
        return listener;
    }

    /// <summary>Completes with the Stopwatch timestamp at which the job's final event arrived.</summary>
    public Task<long> FinishedAt(Guid jobId) => Slot(jobId).Task;

    public void ClearLatencies() => pushMs.Clear();

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();

    private void Receive(JsonElement entry)
    {
        var now = Stopwatch.GetTimestamp();
        pushMs.Add((DateTimeOffset.UtcNow - entry.GetProperty("at").GetDateTimeOffset()).TotalMilliseconds);
        if (entry.GetProperty("jobStatus").GetString() is "Succeeded" or "Failed" or "Cancelled")
        {
            Slot(entry.GetProperty("jobId").GetGuid()).TrySetResult(now);
        }
    }

    private TaskCompletionSource<long> Slot(Guid jobId) =>
        finished.GetOrAdd(jobId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
