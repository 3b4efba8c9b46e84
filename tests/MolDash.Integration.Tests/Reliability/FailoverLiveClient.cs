using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace MolDash.Integration.Tests.Reliability;

/// <summary>
/// A .NET SignalR client of the live job hub that knows every API replica: when its connection closes (its
/// replica died), it connects to the next replica, subscribes to its jobs again and takes each job's snapshot
/// as the status it missed, then follows the events after the snapshot's lastEventSeq.
/// </summary>
public sealed class FailoverLiveClient : IAsyncDisposable
{
    private static readonly TimeSpan[] RetryPauses = [TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    private readonly IReadOnlyList<Uri> apis;
    private readonly string accessToken;
    private readonly ConcurrentDictionary<Guid, (string Status, long Seq)> jobs = new();
    private readonly CancellationTokenSource disposed = new();
    private HubConnection connection = null!;
    private int replica;

    private FailoverLiveClient(IReadOnlyList<Uri> apis, string accessToken, int replica)
    {
        this.apis = apis;
        this.accessToken = accessToken;
        this.replica = replica;
    }

    public Uri ConnectedTo => apis[replica];

    /// <summary>How often it moved to another replica.</summary>
    public int Failovers { get; private set; }

    public static async Task<FailoverLiveClient> ConnectAsync(IReadOnlyList<Uri> apis, string accessToken, int replica)
    {
        var client = new FailoverLiveClient(apis, accessToken, replica);
        await client.ConnectAsync();
        return client;
    }

    /// <summary>The latest status known of the job: from its last snapshot or any event after it.</summary>
    public string? StatusOf(Guid jobId) => jobs.TryGetValue(jobId, out var known) ? known.Status : null;

    public async Task FollowAsync(Guid jobId)
    {
        jobs.TryAdd(jobId, ("Unknown", 0));
        await SubscribeAsync(jobId);
    }

    public async ValueTask DisposeAsync()
    {
        await disposed.CancelAsync();
        await connection.DisposeAsync();
        disposed.Dispose();
    }

    private async Task ConnectAsync()
    {
        connection = new HubConnectionBuilder()
            .WithUrl(new Uri(ConnectedTo, "/hubs/jobs"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
            .Build();
        connection.On<JsonElement>("jobEvent", Apply);
        connection.Closed += _ => FailOverAsync();
        await connection.StartAsync(disposed.Token);
    }

    /// <summary>The client's retry policy: the next replica at once, then every replica in turn with growing pauses.</summary>
    private async Task FailOverAsync()
    {
        for (var attempt = 0; !disposed.IsCancellationRequested; attempt++)
        {
            await Task.Delay(RetryPauses[Math.Min(attempt, RetryPauses.Length - 1)], disposed.Token);
            replica = (replica + 1) % apis.Count;
            try
            {
                await ConnectAsync();
                Failovers++;
                foreach (var jobId in jobs.Keys)
                {
                    await SubscribeAsync(jobId);
                }

                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or HubException)
            {
                // That replica is down too, or not ready: try the next.
            }
        }
    }

    private async Task SubscribeAsync(Guid jobId)
    {
        var snapshot = await connection.InvokeAsync<JsonElement>("SubscribeJob", jobId, disposed.Token);
        Record(jobId, snapshot.GetProperty("status").GetString()!, snapshot.GetProperty("lastEventSeq").GetInt64());
    }

    private void Apply(JsonElement entry) =>
        Record(entry.GetProperty("jobId").GetGuid(), entry.GetProperty("jobStatus").GetString()!, entry.GetProperty("seq").GetInt64());

    /// <summary>Keeps what is newest: a snapshot or an event older than what is known changes nothing.</summary>
    private void Record(Guid jobId, string status, long seq) =>
        jobs.AddOrUpdate(jobId, (status, seq), (_, known) => seq >= known.Seq ? (status, seq) : known);
}
