using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.Grains.TaskServices;

/// <summary>
/// Why each instance of a task service is in its pool: an Admin registered it, configuration or a
/// Kubernetes EndpointSlice lists it, or the service registered itself and its lease runs. An instance
/// leaves the pool when its last reason goes; each change says which addresses that left. Not
/// thread-safe: it lives inside one grain activation.
/// </summary>
public sealed class InstanceSources
{
    private readonly HashSet<Uri> admin = [];
    private readonly Dictionary<Uri, DateTimeOffset> leases = [];
    private readonly Dictionary<(InstanceSource Source, string Group), HashSet<Uri>> discovered = [];

    public IReadOnlyList<InstanceSource> Of(Uri address)
    {
        var sources = discovered.Where(entry => entry.Value.Contains(address)).Select(entry => entry.Key.Source).ToHashSet();
        if (admin.Contains(address))
        {
            sources.Add(InstanceSource.Admin);
        }

        if (leases.ContainsKey(address))
        {
            sources.Add(InstanceSource.ServiceKey);
        }

        return [.. sources.Order()];
    }

    public DateTimeOffset? LeaseOf(Uri address) => leases.TryGetValue(address, out var until) ? until : null;

    /// <summary>A source the API cannot take away (configuration, Kubernetes), or null.</summary>
    public InstanceSource? FixedSourceOf(Uri address) =>
        discovered.Where(entry => entry.Value.Contains(address)).Select(entry => (InstanceSource?)entry.Key.Source).Min();

    public void AddAdmin(Uri address) => admin.Add(address);

    /// <summary>Takes away the reasons the API may take away (Admin, lease); true when the address has none left.</summary>
    public bool RemoveAdminAndLease(Uri address)
    {
        admin.Remove(address);
        leases.Remove(address);
        return !IsListed(address);
    }

    public void Lease(Uri address, DateTimeOffset until) => leases[address] = until;

    /// <summary>Ends a lease early; true when the address has no other reason to stay.</summary>
    public bool EndLease(Uri address) => leases.Remove(address) && !IsListed(address);

    /// <summary>Ends the leases that ran out by <paramref name="now"/>; returns the addresses with no reason left.</summary>
    public IReadOnlyList<Uri> ExpireLeases(DateTimeOffset now)
    {
        var expired = leases.Where(lease => lease.Value <= now).Select(lease => lease.Key).ToList();
        expired.ForEach(address => leases.Remove(address));
        return [.. expired.Where(address => !IsListed(address))];
    }

    /// <summary>
    /// Makes <paramref name="addresses"/> the whole list of <paramref name="source"/> under <paramref name="group"/>
    /// (an empty list drops the group); returns the addresses that dropped out with no reason left.
    /// </summary>
    public IReadOnlyList<Uri> Replace(InstanceSource source, string group, IReadOnlyCollection<Uri> addresses)
    {
        var key = (source, group);
        var before = discovered.TryGetValue(key, out var previous) ? previous : [];
        if (addresses.Count == 0)
        {
            discovered.Remove(key);
        }
        else
        {
            discovered[key] = [.. addresses];
        }

        return [.. before.Where(address => !IsListed(address))];
    }

    private bool IsListed(Uri address) =>
        admin.Contains(address) || leases.ContainsKey(address) || discovered.Values.Any(addresses => addresses.Contains(address));
}
