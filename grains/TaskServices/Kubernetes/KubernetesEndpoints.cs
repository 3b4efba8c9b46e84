using System.Runtime.CompilerServices;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace MolDash.Grains.TaskServices.Kubernetes;

/// <summary>
/// The Kubernetes API through KubernetesClient, with the silo's service account when it runs in a pod (or
/// the kubeconfig elsewhere). Needs list/watch on endpointslices and get/create/update on leases in its namespace.
/// </summary>
public sealed class KubernetesEndpoints : IKubernetesEndpoints, IDisposable
{
    private const string ServiceAccountNamespace = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";
    private readonly k8s.Kubernetes client;
    private readonly KubernetesDiscoveryOptions settings;
    private readonly string watchedNamespace;

    public KubernetesEndpoints(IOptions<KubernetesDiscoveryOptions> options)
    {
        settings = options.Value;
        client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildDefaultConfig());
        watchedNamespace = settings.Namespace is { Length: > 0 } configured ? configured
            : File.Exists(ServiceAccountNamespace) ? File.ReadAllText(ServiceAccountNamespace).Trim()
            : "default";
    }

    public async Task RunWhileLeadingAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var identity = $"{Environment.MachineName}-{Environment.ProcessId}";
        var config = new LeaderElectionConfig(new LeaseLock(client, watchedNamespace, settings.LeaseName, identity))
        {
            LeaseDuration = settings.LeaseDuration,
            RenewDeadline = settings.LeaseDuration * 2 / 3,
            RetryPeriod = settings.LeaseDuration / 5,
        };
        using var elector = new LeaderElector(config);
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task running = Task.CompletedTask;
        elector.OnStartedLeading += () => running = work(leading.Token);
        try
        {
            await elector.RunUntilLeadershipLostAsync(cancellationToken);
        }
        finally
        {
            await leading.CancelAsync();
            await running.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    public async Task<(IReadOnlyList<V1EndpointSlice> Slices, string ResourceVersion)> ListAsync(CancellationToken cancellationToken)
    {
        var list = await client.DiscoveryV1.ListNamespacedEndpointSliceAsync(watchedNamespace, labelSelector: TaskServiceLabels.Selector, cancellationToken: cancellationToken);
        return ([.. list.Items], list.Metadata.ResourceVersion);
    }

    public async IAsyncEnumerable<(WatchEventType Type, V1EndpointSlice Slice)> WatchAsync(string resourceVersion, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Exception? broken = null;
        await foreach (var change in client.DiscoveryV1.WatchListNamespacedEndpointSliceAsync(
            watchedNamespace, labelSelector: TaskServiceLabels.Selector, resourceVersion: resourceVersion,
            onError: e => broken = e, cancellationToken: cancellationToken))
        {
            yield return change;
        }

        if (broken is not null)
        {
            throw new InvalidOperationException($"the EndpointSlice watch broke: {broken.Message}", broken);
        }
    }

    public void Dispose() => client.Dispose();
}
