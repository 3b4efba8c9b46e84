using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MolDash.Grains.TaskServices.Kubernetes;

/// <summary>
/// Watches the EndpointSlices of task services (labelled moldash.io/org, /task, /version) and gives each
/// task-service grain the ready addresses of its slices, replacing a slice's previous set. One silo of the
/// cluster watches at a time (a coordination Lease); it pushes everything again every resync interval, so
/// a grain activated in between, or a push that failed, catches up.
/// </summary>
public sealed partial class KubernetesTaskDiscovery(
    IKubernetesEndpoints kubernetes,
    IDiscoveredInstancesSink sink,
    IHostApplicationLifetime lifetime,
    IOptions<KubernetesDiscoveryOptions> options,
    TimeProvider time,
    ILogger<KubernetesTaskDiscovery> logger) : BackgroundService
{
    private readonly KubernetesDiscoveryOptions settings = options.Value;

    // The watch and the resync take turns, so a resync never pushes a slice older than what the watch just pushed.
    private readonly SemaphoreSlim turn = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grains answer once the silo runs.
        await Task.Delay(Timeout.InfiniteTimeSpan, lifetime.ApplicationStarted).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await kubernetes.RunWhileLeadingAsync(WatchAsync, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(e.Message);
                await DelayAsync(settings.RetryDelay, stoppingToken);
            }
        }
    }

    /// <summary>While leading: list, then watch from there; list again whenever the watch ends or breaks.</summary>
    public async Task WatchAsync(CancellationToken leading)
    {
        var sync = new EndpointSliceSync();
        using var resync = CancellationTokenSource.CreateLinkedTokenSource(leading);
        var resyncing = ResyncAsync(sync, resync.Token);
        try
        {
            while (!leading.IsCancellationRequested)
            {
                try
                {
                    var (slices, resourceVersion) = await kubernetes.ListAsync(leading);
                    await InTurnAsync(() => sync.ApplyList(slices));
                    await foreach (var (type, slice) in kubernetes.WatchAsync(resourceVersion, leading))
                    {
                        await InTurnAsync(() => sync.Apply(type, slice));
                    }
                }
                catch (Exception e) when (!leading.IsCancellationRequested)
                {
                    LogFailed(e.Message);
                    await DelayAsync(settings.RetryDelay, leading);
                }
            }
        }
        finally
        {
            await resync.CancelAsync();
            await resyncing;
        }
    }

    private async Task ResyncAsync(EndpointSliceSync sync, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await DelayAsync(settings.ResyncInterval, cancellationToken);
            if (!cancellationToken.IsCancellationRequested)
            {
                await InTurnAsync(() => [.. sync.Known]);
            }
        }
    }

    private async Task InTurnAsync(Func<IReadOnlyList<DiscoveredSlice>> change)
    {
        await turn.WaitAsync(CancellationToken.None);
        try
        {
            await PushAsync(change());
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task PushAsync(IReadOnlyList<DiscoveredSlice> slices)
    {
        foreach (var slice in slices)
        {
            try
            {
                await sink.ReplaceAsync(slice);
            }
            catch (Exception e)
            {
                // The next resync tries again.
                LogPushFailed(slice.Group, slice.TaskKey, e.Message);
            }
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        Task.Delay(delay, time, cancellationToken).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public override void Dispose()
    {
        turn.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kubernetes task discovery: {Reason}; listing again shortly")]
    private partial void LogFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kubernetes task discovery could not give slice {Group} to {Task}: {Reason}")]
    private partial void LogPushFailed(string group, string task, string reason);
}
