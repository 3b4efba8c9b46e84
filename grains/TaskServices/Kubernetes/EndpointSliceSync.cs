using k8s;
using k8s.Models;

namespace MolDash.Grains.TaskServices.Kubernetes;

/// <summary>
/// What the watcher knows of the task EndpointSlices, and what each change means for the task-service
/// grains: the slices to push (an emptied slice as no addresses). Not thread-safe: one watch loop owns it.
/// </summary>
public sealed class EndpointSliceSync
{
    private readonly Dictionary<string, DiscoveredSlice> known = new(StringComparer.Ordinal);

    public IReadOnlyCollection<DiscoveredSlice> Known => known.Values;

    /// <summary>A full list from the API server: every slice in it, and an empty push for each known slice that is gone.</summary>
    public IReadOnlyList<DiscoveredSlice> ApplyList(IEnumerable<V1EndpointSlice> slices)
    {
        var listed = slices.ToDictionary(EndpointSliceMapper.GroupOf, StringComparer.Ordinal);
        var pushes = known.Keys.Where(group => !listed.ContainsKey(group)).ToList().SelectMany(Forget).ToList();
        pushes.AddRange(listed.Values.SelectMany(Update));
        return pushes;
    }

    public IReadOnlyList<DiscoveredSlice> Apply(WatchEventType type, V1EndpointSlice slice) => type switch
    {
        WatchEventType.Added or WatchEventType.Modified => Update(slice),
        WatchEventType.Deleted => Forget(EndpointSliceMapper.GroupOf(slice)),
        _ => [],
    };

    private List<DiscoveredSlice> Update(V1EndpointSlice slice)
    {
        var group = EndpointSliceMapper.GroupOf(slice);
        if (EndpointSliceMapper.Map(slice) is not { } mapped)
        {
            // Its labels no longer name a task (or it lost its port): what it listed goes.
            return Forget(group);
        }

        var pushes = new List<DiscoveredSlice>();
        if (known.TryGetValue(group, out var before) && before.TaskKey != mapped.TaskKey)
        {
            // Relabelled to another task: the old task loses the slice's addresses.
            pushes.Add(before with { Addresses = [] });
        }

        known[group] = mapped;
        pushes.Add(mapped);
        return pushes;
    }

    private List<DiscoveredSlice> Forget(string group) =>
        known.Remove(group, out var before) ? [before with { Addresses = [] }] : [];
}
