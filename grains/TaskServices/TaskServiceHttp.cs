namespace MolDash.Grains.TaskServices;

/// <summary>
/// The one HTTP client the silo uses to reach task services: pooled connections, recycled so DNS changes
/// (new pods) are seen. Timeouts are per call, so the client itself has none.
/// </summary>
public sealed class TaskServiceHttp : IDisposable
{
    public HttpClient Client { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public void Dispose() => Client.Dispose();
}
