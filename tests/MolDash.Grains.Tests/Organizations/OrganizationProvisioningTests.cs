using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.Grains.Tests.Infrastructure;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Organizations;

[Collection(ClusterTestGroup.Name)]
public sealed class OrganizationProvisioningTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task A_new_organization_gets_its_database_and_container_and_becomes_active()
    {
        Callers.ActAs(Callers.Root());
        var id = Guid.NewGuid();

        var org = await cluster.Client.GetGrain<IOrganizationGrain>(id).CreateAsync("Provisioned " + id);

        Assert.Equal(OrganizationStatus.Active, org.Status);
        Assert.Equal([ProvisioningStep.ResultsDatabase, ProvisioningStep.BlobContainer, ProvisioningStep.InitialAdmin, ProvisioningStep.Quotas],
            org.CompletedSteps);
        Assert.Null(org.InitialAdmin);
        Assert.Null(org.Failure);
        Assert.Equal(1, ClusterFixture.Resources.DatabasesMade[id]);
        Assert.Equal(1, ClusterFixture.Resources.ContainersMade[id]);
        Assert.Equal(OrganizationQuotas.Default, org.Quotas);
    }

    [Fact]
    public async Task A_failed_step_is_named_with_its_reason_and_a_retry_resumes_from_it()
    {
        Callers.ActAs(Callers.Root());
        var id = Guid.NewGuid();
        ClusterFixture.Resources.FailDatabaseOf(id, "server db2 refused the connection");
        var grain = cluster.Client.GetGrain<IOrganizationGrain>(id);

        var failed = await grain.CreateAsync("Flaky " + id);
        ClusterFixture.Resources.Heal(id);
        var retried = await grain.RetryProvisioningAsync();

        Assert.Equal(OrganizationStatus.Failed, failed.Status);
        Assert.Equal(ProvisioningStep.ResultsDatabase, failed.Failure!.Step);
        Assert.Contains("db2 refused", failed.Failure.Reason, StringComparison.Ordinal);
        Assert.Empty(failed.CompletedSteps);
        Assert.Equal(OrganizationStatus.Active, retried.Status);
        Assert.Null(retried.Failure);
        Assert.Equal(OrganizationStatus.Active, ClusterFixture.Catalog.StatusOf(id));
    }

    [Fact]
    public async Task Root_changes_quotas_at_once_and_nonsense_quotas_are_refused()
    {
        Callers.ActAs(Callers.Root());
        var id = Guid.NewGuid();
        var grain = cluster.Client.GetGrain<IOrganizationGrain>(id);
        await grain.CreateAsync("Quotas " + id);
        var quotas = new OrganizationQuotas(3, 1_000_000, 10_000, 30);

        var changed = await grain.SetQuotasAsync(quotas);
        var error = await Assert.ThrowsAsync<MolDashException>(() => grain.SetQuotasAsync(quotas with { MaxUploadBytes = 2_000_000 }));

        Assert.Equal(quotas, changed.Quotas);
        Assert.Equal(quotas, (await grain.GetAsync()).Quotas);
        Assert.Equal(ErrorKind.Validation, error.Kind);
    }

    [Fact]
    public async Task Suspending_and_reactivating_moves_between_active_and_suspended_only()
    {
        Callers.ActAs(Callers.Root());
        var id = Guid.NewGuid();
        var grain = cluster.Client.GetGrain<IOrganizationGrain>(id);
        await grain.CreateAsync("Suspend " + id);

        var suspended = await grain.SetSuspendedAsync(true);
        var again = await grain.SetSuspendedAsync(true);
        var active = await grain.SetSuspendedAsync(false);

        Assert.Equal(OrganizationStatus.Suspended, suspended.Status);
        Assert.Equal(OrganizationStatus.Suspended, again.Status);
        Assert.Equal(OrganizationStatus.Active, active.Status);
    }

    [Fact]
    public async Task Only_root_changes_an_organizations_quotas_or_status()
    {
        var id = Guid.NewGuid();
        Callers.ActAs(Callers.Root());
        await cluster.Client.GetGrain<IOrganizationGrain>(id).CreateAsync("Guarded " + id);
        Callers.ActAs(Callers.AdminOf(id));
        var grain = cluster.Client.GetGrain<IOrganizationGrain>(id);

        var quotas = await Assert.ThrowsAsync<MolDashException>(() => grain.SetQuotasAsync(OrganizationQuotas.Default));
        var suspend = await Assert.ThrowsAsync<MolDashException>(() => grain.SetSuspendedAsync(true));

        Assert.Equal(ErrorKind.Forbidden, quotas.Kind);
        Assert.Equal(ErrorKind.Forbidden, suspend.Kind);
    }
}
