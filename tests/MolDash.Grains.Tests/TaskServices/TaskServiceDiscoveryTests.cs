using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.TaskServices;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Tests.Infrastructure;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.TaskServices;

/// <summary>Instances from configuration, from the service itself with a service key, and from Kubernetes (as the silo's watcher pushes them).</summary>
[Collection(ClusterTestGroup.Name)]
public sealed class TaskServiceDiscoveryTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task A_configured_instance_is_in_the_pool_marked_as_configuration_and_cannot_be_removed_through_the_api()
    {
        Callers.ActAs(Callers.AdminOf(ClusterFixture.ConfiguredOrg));
        var grain = await PublishedTaskAsync(ClusterFixture.ConfiguredOrg, "configured");
        var address = ClusterFixture.ConfiguredAddress.ToString();

        await Eventually.HoldsAsync(async () => (await grain.GetStatusAsync()).Instances.SingleOrDefault()?.LastCheck is not null);
        var configured = Assert.Single((await grain.GetStatusAsync()).Instances);
        var removal = await Assert.ThrowsAsync<MolDashException>(() => grain.RemoveInstanceAsync(address));

        Assert.Equal(address, configured.Address);
        Assert.Equal([InstanceSource.Configuration], configured.Sources);
        Assert.False(configured.Healthy);
        Assert.Equal(ErrorKind.Conflict, removal.Kind);
        Assert.Contains("TaskServices:Instances", removal.Message, StringComparison.Ordinal);
        Assert.Single((await grain.GetStatusAsync()).Instances);
    }

    [Fact]
    public async Task A_service_registers_itself_with_the_key_and_runs_reach_it_without_an_admin_registration()
    {
        await using var service = await FakeTaskService.StartAsync();
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        var issued = await grain.IssueServiceKeyAsync();

        Callers.ActAs(null);
        var lease = await grain.RegisterSelfAsync(issued.Key, service.Address.ToString());
        Callers.ActAs(Callers.StandardOf(org));
        var result = await grain.InvokeAsync(new TaskRunRequest(Guid.NewGuid(), null, """{ "text": "hi" }"""));
        Callers.ActAs(Callers.AdminOf(org));
        var status = await grain.GetStatusAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(service.Address.ToString(), result.Instance);
        Assert.StartsWith("mdsk_", issued.Key, StringComparison.Ordinal);
        Assert.Equal(new ServiceKeyInfo(issued.KeyId, issued.CreatedAt), status.ServiceKey);
        var instance = Assert.Single(status.Instances);
        Assert.Equal([InstanceSource.ServiceKey], instance.Sources);
        Assert.Equal(lease.ExpiresAt, instance.LeaseExpiresAt);
        Assert.Equal(TimeSpan.FromSeconds(1), lease.RenewWithin);
        Assert.Contains(ClusterFixture.AuditLog.Entries, entry => entry.OrgId == org && entry.Action == AuditActions.TaskServiceKeyIssued);
        Assert.Contains(ClusterFixture.AuditLog.Entries, entry => entry.OrgId == org && entry.Action == AuditActions.TaskInstanceSelfRegistered);
    }

    [Fact]
    public async Task A_wrong_missing_or_replaced_key_and_a_version_without_a_key_are_refused_alike()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        var old = await grain.IssueServiceKeyAsync();
        var current = await grain.IssueServiceKeyAsync();
        var keyless = await PublishedTaskAsync(org, "keyless");
        var address = FakeTaskService.RefusingAddress().ToString();

        Callers.ActAs(null);
        var refusals = new[]
        {
            await Assert.ThrowsAsync<MolDashException>(() => grain.RegisterSelfAsync(old.Key, address)),
            await Assert.ThrowsAsync<MolDashException>(() => grain.RegisterSelfAsync("mdsk_guess", address)),
            await Assert.ThrowsAsync<MolDashException>(() => grain.RegisterSelfAsync("", address)),
            await Assert.ThrowsAsync<MolDashException>(() => keyless.RegisterSelfAsync(current.Key, address)),
            await Assert.ThrowsAsync<MolDashException>(() => cluster.Client.GetGrain<ITaskServiceGrain>(TaskDefinitionKey.Format(Guid.NewGuid(), "nothing", "1.0.0")).RegisterSelfAsync(current.Key, address)),
        };
        var accepted = await grain.RegisterSelfAsync(current.Key, address);

        Assert.All(refusals, refusal => Assert.Equal((ErrorKind.Unauthenticated, refusals[0].Message), (refusal.Kind, refusal.Message)));
        Assert.NotEqual(old.KeyId, current.KeyId);
        Assert.Equal(address, accepted.Address);
    }

    [Fact]
    public async Task A_self_registered_instance_drops_out_when_its_lease_is_not_renewed_and_leaves_at_once_when_it_deregisters()
    {
        var (org, grain, key) = await KeyedTaskAsync();
        var lapsing = FakeTaskService.RefusingAddress().ToString();
        var leaving = FakeTaskService.RefusingAddress().ToString();

        var first = await grain.RegisterSelfAsync(key, lapsing);
        var renewed = await grain.RegisterSelfAsync(key, lapsing);
        await grain.RegisterSelfAsync(key, leaving);
        await grain.DeregisterSelfAsync(key, leaving);
        Callers.ActAs(Callers.AdminOf(org));
        var afterDeregistration = (await grain.GetStatusAsync()).Instances.Select(instance => instance.Address);

        Assert.True(renewed.ExpiresAt >= first.ExpiresAt);
        Assert.DoesNotContain(leaving, afterDeregistration);
        await Eventually.HoldsAsync(async () => (await grain.GetStatusAsync()).Instances.Count == 0);
    }

    [Fact]
    public async Task A_self_registration_outside_the_allowed_networks_is_refused_at_its_address()
    {
        var (_, grain, key) = await KeyedTaskAsync();

        var metadata = await Assert.ThrowsAsync<MolDashException>(() => grain.RegisterSelfAsync(key, "http://169.254.169.254/"));
        var lan = await Assert.ThrowsAsync<MolDashException>(() => grain.RegisterSelfAsync(key, "http://10.0.0.5:8080/"));
        var ftp = await Assert.ThrowsAsync<MolDashException>(() => grain.RegisterSelfAsync(key, "ftp://127.0.0.1/"));

        Assert.Equal("the address 169.254.169.254 is link-local (where cloud metadata services answer) and never allowed", Assert.Single(metadata.Errors).Message);
        Assert.Equal("the address 10.0.0.5 is outside TaskServices:SelfRegistrationNetworks (127.0.0.0/8)", Assert.Single(lan.Errors).Message);
        Assert.All(new[] { metadata, lan, ftp }, refusal => Assert.Equal((ErrorKind.Validation, "/address"), (refusal.Kind, Assert.Single(refusal.Errors).Pointer)));
    }

    [Fact]
    public async Task Kubernetes_endpoints_replace_their_slice_keep_other_sources_and_come_only_from_the_platform()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        var (a, b, c) = (FakeTaskService.RefusingAddress().ToString(), FakeTaskService.RefusingAddress().ToString(), FakeTaskService.RefusingAddress().ToString());
        await grain.RegisterInstanceAsync(b);
        var byAdmin = await Assert.ThrowsAsync<MolDashException>(() => grain.ReplaceDiscoveredAsync(InstanceSource.Kubernetes, "ns/echo-1", [a]));

        Callers.ActAs(Caller.PlatformIn(org));
        await grain.ReplaceDiscoveredAsync(InstanceSource.Kubernetes, "ns/echo-1", [a, b]);
        await grain.ReplaceDiscoveredAsync(InstanceSource.Kubernetes, "ns/echo-2", [c]);
        Callers.ActAs(Callers.AdminOf(org));
        var both = (await grain.GetStatusAsync()).Instances.ToDictionary(instance => instance.Address, instance => instance.Sources);
        var removal = await Assert.ThrowsAsync<MolDashException>(() => grain.RemoveInstanceAsync(a));

        Callers.ActAs(Caller.PlatformIn(org));
        await grain.ReplaceDiscoveredAsync(InstanceSource.Kubernetes, "ns/echo-1", []);
        Callers.ActAs(Callers.AdminOf(org));
        var after = (await grain.GetStatusAsync()).Instances.ToDictionary(instance => instance.Address, instance => instance.Sources);

        Assert.Equal(ErrorKind.Forbidden, byAdmin.Kind);
        Assert.Equal([InstanceSource.Kubernetes], both[a]);
        Assert.Equal([InstanceSource.Admin, InstanceSource.Kubernetes], both[b]);
        Assert.Equal([InstanceSource.Kubernetes], both[c]);
        Assert.Equal(ErrorKind.Conflict, removal.Kind);
        Assert.Equal(new[] { b, c }.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([InstanceSource.Admin], after[b]);
    }

    [Fact]
    public async Task Another_orgs_admin_cannot_create_a_key_or_see_the_service()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        Callers.ActAs(Callers.StandardOf(org));
        var byMember = await Assert.ThrowsAsync<MolDashException>(grain.IssueServiceKeyAsync);

        Callers.ActAs(Callers.AdminOf(Guid.NewGuid()));
        var byOutsider = await Assert.ThrowsAsync<MolDashException>(grain.IssueServiceKeyAsync);

        Assert.Equal(ErrorKind.Forbidden, byMember.Kind);
        Assert.Equal(ErrorKind.NotFound, byOutsider.Kind);
    }

    private Task<ITaskServiceGrain> PublishedTaskAsync(Guid org, string name = "echo") => EchoTasks.PublishAsync(cluster, org, name);

    /// <summary>A published task in a new org with its service key; the test goes on as no one (a service).</summary>
    private async Task<(Guid Org, ITaskServiceGrain Grain, string Key)> KeyedTaskAsync()
    {
        var org = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(org));
        var grain = await PublishedTaskAsync(org);
        var key = (await grain.IssueServiceKeyAsync()).Key;
        Callers.ActAs(null);
        return (org, grain, key);
    }
}
