using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.Grains.TaskServices;

/// <summary>
/// The instances of one task service and the routing rule: a run goes to the healthy instance with the
/// fewest outstanding runs, never above the per-instance concurrency limit. Not thread-safe: it lives
/// inside one grain activation.
/// </summary>
public sealed class InstancePool(int maxConcurrencyPerInstance, TimeProvider time)
{
    private readonly List<ServiceInstance> instances = [];

    public IReadOnlyList<ServiceInstance> Instances => instances;

    public bool HasHealthyInstance => instances.Exists(instance => instance.Healthy);

    public ServiceInstance Register(Uri address)
    {
        var existing = instances.Find(instance => instance.Address == address);
        if (existing is not null)
        {
            return existing;
        }

        var added = new ServiceInstance(address);
        instances.Add(added);
        return added;
    }

    /// <summary>Forgets an instance; its outstanding runs finish or fail on their own.</summary>
    public bool Remove(Uri address) => instances.RemoveAll(instance => instance.Address == address) > 0;

    /// <summary>
    /// Reserves a slot on the least loaded healthy instance, preferring ones not in
    /// <paramref name="avoid"/> (where a retried run already failed); null when none has a free slot.
    /// </summary>
    public ServiceInstance? TryAcquire(IReadOnlyCollection<Uri>? avoid = null)
    {
        var now = time.GetUtcNow();
        var free = instances.Where(instance => instance.CanTake(now, maxConcurrencyPerInstance)).ToList();
        var chosen = free.Where(instance => avoid?.Contains(instance.Address) != true).MinBy(instance => instance.Outstanding)
            ?? free.MinBy(instance => instance.Outstanding);
        chosen?.Take(now);

        return chosen;
    }

    public void RecordProbe(Uri address, bool healthy, string? error, DateTimeOffset at)
    {
        var instance = instances.Find(candidate => candidate.Address == address);
        if (instance is null)
        {
            return;
        }

        instance.Healthy = healthy;
        instance.LastCheck = at;
        if (error is not null)
        {
            instance.LastError = error;
        }
    }

    /// <summary>What a run that found no instance is told, e.g. "0 of 2 instances healthy, last error: …".</summary>
    public string DescribeUnavailable()
    {
        var lastError = instances.Select(instance => instance.LastError).LastOrDefault(error => error is not null);
        var healthy = instances.Count(instance => instance.Healthy);
        var open = instances.Count(instance => instance.Healthy && instance.Circuit(time.GetUtcNow()) != CircuitState.Closed);
        return $"service unavailable: {healthy} of {instances.Count} instances healthy"
            + (open > 0 ? $", {open} of them with an open circuit after repeated failures" : "")
            + (healthy > open ? $", all at their limit of {maxConcurrencyPerInstance} concurrent runs" : "")
            + (lastError is null ? "" : $", last error: {lastError}");
    }
}
