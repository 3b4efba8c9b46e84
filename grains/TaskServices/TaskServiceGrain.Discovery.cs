using Microsoft.Extensions.Logging;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.Grains.Access;

namespace MolDash.Grains.TaskServices;

/// <summary>
/// Where a task service's instances come from besides an Admin's registration: the silo's configuration
/// (read at activation), the service itself with the version's service key (leased), and the Kubernetes
/// EndpointSlices of its Service (pushed by the silo's watcher). See docs/task-service-discovery.md.
/// </summary>
public sealed partial class TaskServiceGrain
{
    private const string ConfigurationGroup = "configuration";

    public async Task<IssuedServiceKey> IssueServiceKeyAsync()
    {
        AdminGuard.RequireAdmin("create service keys");
        var (key, record) = ServiceKeys.Create(time.GetUtcNow());
        var replaced = state.State.ServiceKey?.KeyId;
        state.State.ServiceKey = record;
        await state.WriteStateAsync();
        await AuditAsync(AuditActions.TaskServiceKeyIssued, new Dictionary<string, string?> { ["keyId"] = record.KeyId, ["replacedKeyId"] = replaced });
        return new IssuedServiceKey(record.KeyId, key, record.CreatedAt);
    }

    public async Task<InstanceLease> RegisterSelfAsync(string serviceKey, string address)
    {
        RequireServiceKey(serviceKey);
        var uri = InstanceAddress.Parse(address);
        if (await selfRegistrationPolicy.RefusalAsync(uri, CancellationToken.None) is { } refusal)
        {
            throw MolDashException.Invalid("The instance address is not allowed for self-registration.", [new FieldError("/address", refusal)]);
        }

        var renewal = sources.LeaseOf(uri) is not null;
        var until = time.GetUtcNow() + settings.SelfRegistrationLease;
        sources.Lease(uri, until);
        var instance = pool.Register(uri);
        if (!renewal)
        {
            await AuditAsync(AuditActions.TaskInstanceSelfRegistered, SelfDetails(uri));
            await ProbeAsync(instance);
            ReleaseToWaiters();
        }

        return new InstanceLease(uri.ToString(), until, settings.SelfRegistrationLease / 3);
    }

    public async Task DeregisterSelfAsync(string serviceKey, string address)
    {
        RequireServiceKey(serviceKey);
        var uri = InstanceAddress.Parse(address);
        if (sources.LeaseOf(uri) is null)
        {
            return;
        }

        if (sources.EndLease(uri))
        {
            pool.Remove(uri);
        }

        await AuditAsync(AuditActions.TaskInstanceSelfDeregistered, SelfDetails(uri));
    }

    public async Task ReplaceDiscoveredAsync(InstanceSource source, string group, IReadOnlyList<string> addresses)
    {
        if (CallerContext.Current is not ({ IsPlatform: true } or { IsRoot: true }))
        {
            throw new MolDashException(ErrorKind.Forbidden, "Only the platform's own discovery replaces discovered instances.");
        }

        if (source is not (InstanceSource.Configuration or InstanceSource.Kubernetes))
        {
            throw MolDashException.Invalid("Only configuration and Kubernetes instances are replaced as a set.", [new FieldError("/source", $"{source} instances are registered one by one.")]);
        }

        var uris = new List<Uri>();
        var errors = new List<FieldError>();
        for (var i = 0; i < addresses.Count; i++)
        {
            if (InstanceAddress.TryParse(addresses[i], out var uri))
            {
                uris.Add(uri);
            }
            else
            {
                errors.Add(new FieldError($"/addresses/{i}", "An absolute http or https base address such as http://10.0.0.7:8080/."));
            }
        }

        if (errors.Count > 0)
        {
            throw MolDashException.Invalid("Some discovered addresses are not valid.", errors);
        }

        var added = ReplaceSourced(source, group, uris);
        await Task.WhenAll(added.Select(ProbeAsync));
        ReleaseToWaiters();
    }

    /// <summary>Adds this version's entry of TaskServices:Instances; every silo has the same configuration, so any activation sees the same list.</summary>
    private void AddConfiguredInstances()
    {
        if (!ConfiguredInstances.TryParse(settings.Instances, out var byTask, out var problem))
        {
            // The silo validates its options at start, so only a host that skipped that gets here.
            throw new InvalidOperationException(problem);
        }

        if (byTask.TryGetValue(this.GetPrimaryKeyString(), out var addresses))
        {
            ReplaceSourced(InstanceSource.Configuration, ConfigurationGroup, addresses);
        }
    }

    /// <summary>Makes <paramref name="addresses"/> the source's list under the group; returns the instances that are new to the pool.</summary>
    private List<ServiceInstance> ReplaceSourced(InstanceSource source, string group, IReadOnlyCollection<Uri> addresses)
    {
        var known = pool.Instances.Select(instance => instance.Address).ToHashSet();
        foreach (var dropped in sources.Replace(source, group, addresses))
        {
            pool.Remove(dropped);
        }

        return [.. addresses.Where(address => !known.Contains(address)).Select(pool.Register)];
    }

    private void ExpireLeases()
    {
        foreach (var expired in sources.ExpireLeases(time.GetUtcNow()))
        {
            pool.Remove(expired);
            logger.LogInformation("Self-registered instance {Address} of {Task} dropped: its lease ran out", expired, this.GetPrimaryKeyString());
        }
    }

    /// <summary>An Admin may not take away an instance that configuration or Kubernetes lists: it would come back.</summary>
    private void RequireRemovable(Uri address)
    {
        if (sources.FixedSourceOf(address) is { } source)
        {
            var where = source == InstanceSource.Configuration
                ? "the silo's configuration (TaskServices:Instances); remove it there"
                : "the task's Kubernetes Service (its ready endpoints); scale or relabel the Deployment instead";
            throw new MolDashException(ErrorKind.Conflict, $"The instance {address} comes from {where}.");
        }
    }

    private void RequireServiceKey(string serviceKey)
    {
        if (ServiceKeys.Matches(state.State.ServiceKey, serviceKey))
        {
            return;
        }

        // A refused call for a version nobody set up must not leave an activation behind for every guess
        // (one with runs waiting for an instance stays: they would be lost).
        if (state.State.ServiceKey is null && pool.Instances.Count == 0 && pending.Count == 0 && dispatched.Count == 0)
        {
            DeactivateOnIdle();
        }

        throw ServiceKeys.Refused();
    }

    private Dictionary<string, string?> SelfDetails(Uri address) => new()
    {
        ["address"] = address.ToString(),
        ["keyId"] = state.State.ServiceKey!.KeyId,
    };
}
