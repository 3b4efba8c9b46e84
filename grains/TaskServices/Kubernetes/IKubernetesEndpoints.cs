using k8s;
using k8s.Models;

namespace MolDash.Grains.TaskServices.Kubernetes;

/// <summary>The little of the Kubernetes API the discovery uses, so everything above it runs without a cluster.</summary>
public interface IKubernetesEndpoints
{
    /// <summary>
    /// Runs <paramref name="work"/> while this silo holds the discovery lease (one watcher per cluster);
    /// the token given to it is cancelled when the lease is lost. Returns when the lease is lost.
    /// </summary>
    Task RunWhileLeadingAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken);

    /// <summary>The task EndpointSlices now, and the resource version to watch from.</summary>
    Task<(IReadOnlyList<V1EndpointSlice> Slices, string ResourceVersion)> ListAsync(CancellationToken cancellationToken);

    /// <summary>Changes after <paramref name="resourceVersion"/> until the API server ends the watch.</summary>
    IAsyncEnumerable<(WatchEventType Type, V1EndpointSlice Slice)> WatchAsync(string resourceVersion, CancellationToken cancellationToken);
}
