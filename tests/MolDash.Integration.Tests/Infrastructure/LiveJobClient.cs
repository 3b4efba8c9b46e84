using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace MolDash.Integration.Tests.Infrastructure;

/// <summary>A .NET SignalR client of the live job hub that keeps every event it receives, in arrival order.</summary>
public sealed class LiveJobClient : IAsyncDisposable
{
    private static readonly HashSet<string> FinalStatuses = ["Succeeded", "Failed", "Cancelled"];

    private readonly HubConnection connection;
    private readonly Channel<JsonElement> events = Channel.CreateUnbounded<JsonElement>();

    private LiveJobClient(HubConnection connection)
    {
        this.connection = connection;
        connection.On<JsonElement>("jobEvent", entry => events.Writer.TryWrite(entry));
    }

    public List<JsonElement> Received { get; } = [];

    public HubConnection Connection => connection;

    public static async Task<LiveJobClient> ConnectAsync(Uri apiAddress, string accessToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(apiAddress, "/hubs/jobs"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken))
            .WithAutomaticReconnect()
            .Build();
        await connection.StartAsync();
        return new LiveJobClient(connection);
    }

    public Task<JsonElement> SubscribeJobAsync(Guid jobId) => connection.InvokeAsync<JsonElement>("SubscribeJob", jobId);

    public Task SubscribeOrgAsync() => connection.InvokeAsync("SubscribeOrg");

    /// <summary>
    /// Reads events until one says job <paramref name="jobId"/> is final; returns that job's events after
    /// <paramref name="afterSeq"/> (a snapshot's lastEventSeq: what it already holds), as a client shows them.
    /// </summary>
    public async Task<List<JsonElement>> UntilFinishedAsync(Guid jobId, TimeSpan within, long afterSeq = 0)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            var entry = await events.Reader.ReadAsync(timeout.Token);
            Received.Add(entry);
            if (entry.GetProperty("jobId").GetGuid() == jobId && FinalStatuses.Contains(entry.GetProperty("jobStatus").GetString()!))
            {
                return [.. Received.Where(received => received.GetProperty("jobId").GetGuid() == jobId && received.GetProperty("seq").GetInt64() > afterSeq)];
            }
        }
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
