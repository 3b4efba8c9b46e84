using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MolDash.Grains.TaskServices.Kubernetes;
using MolDash.Grains.Tests.Infrastructure;

namespace MolDash.Grains.Tests.TaskServices.Kubernetes;

/// <summary>The watcher against a scripted API server: list, watch, a watch that breaks, and the resync.</summary>
public sealed class KubernetesTaskDiscoveryTests
{
    private static readonly Guid Org = Guid.NewGuid();

    [Fact]
    public async Task It_pushes_the_list_then_each_change_lists_again_after_a_broken_watch_and_resyncs_what_it_knows()
    {
        var api = new ScriptedKubernetes(
            [EndpointSlices.For(Org, "echo", ("10.1.0.5", true))],
            [(WatchEventType.Modified, EndpointSlices.For(Org, "echo", ("10.1.0.5", true), ("10.1.0.6", true)))]);
        var sink = new RecordingSink();
        using var discovery = new KubernetesTaskDiscovery(api, sink, new NoLifetime(),
            Options.Create(new KubernetesDiscoveryOptions { ResyncInterval = TimeSpan.FromMilliseconds(200), RetryDelay = TimeSpan.FromMilliseconds(50) }),
            TimeProvider.System, NullLogger<KubernetesTaskDiscovery>.Instance);
        using var leading = new CancellationTokenSource();

        var watching = discovery.WatchAsync(leading.Token);
        // First list, the change, a second list after the watch broke, then resyncs of the two known addresses.
        await Eventually.HoldsAsync(() => Task.FromResult(api.Lists >= 2 && sink.Pushes.Count(push => push.Addresses.Count == 2) >= 2));
        await leading.CancelAsync();
        await watching;

        var pushes = sink.Pushes.ToList();
        Assert.Equal(["http://10.1.0.5:8080/"], pushes[0].Addresses);
        Assert.Equal(["http://10.1.0.5:8080/", "http://10.1.0.6:8080/"], pushes[1].Addresses);
        Assert.All(pushes, push => Assert.Equal("tasks/echo-abcde", push.Group));
    }

    /// <summary>Lists the slices; the first watch sends the changes and then breaks, later ones wait until cancelled.</summary>
    private sealed class ScriptedKubernetes(IReadOnlyList<V1EndpointSlice> listed, IReadOnlyList<(WatchEventType, V1EndpointSlice)> changes) : IKubernetesEndpoints
    {
        private int lists;

        public int Lists => lists;

        public Task RunWhileLeadingAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken) => work(cancellationToken);

        public Task<(IReadOnlyList<V1EndpointSlice> Slices, string ResourceVersion)> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult((Interlocked.Increment(ref lists) == 1 ? listed : [changes[^1].Item2], "1"));

        public async IAsyncEnumerable<(WatchEventType Type, V1EndpointSlice Slice)> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (lists == 1)
            {
                foreach (var change in changes)
                {
                    yield return change;
                }

                throw new InvalidOperationException("the watch broke");
            }

            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private sealed class RecordingSink : IDiscoveredInstancesSink
    {
        public ConcurrentQueue<DiscoveredSlice> Pushes { get; } = new();

        public Task ReplaceAsync(DiscoveredSlice slice)
        {
            Pushes.Enqueue(slice);
            return Task.CompletedTask;
        }
    }

    private sealed class NoLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => new(canceled: true);

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
