namespace MolDash.Grains.TaskServices.Kubernetes;

/// <summary>Where discovered slices go: the task-service grains (a recording list in tests).</summary>
public interface IDiscoveredInstancesSink
{
    Task ReplaceAsync(DiscoveredSlice slice);
}
