using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Tests.Infrastructure;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Organizations;

[Collection(ClusterTestGroup.Name)]
public sealed class OrganizationDeletionTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task Root_deletes_an_organization_step_by_step_and_it_is_gone_for_everyone()
    {
        Callers.ActAs(Callers.Root());
        var id = Guid.NewGuid();
        var grain = cluster.Client.GetGrain<IOrganizationGrain>(id);
        await grain.CreateAsync("Doomed " + id);

        var deleted = await grain.DeleteAsync();

        Assert.Null(deleted);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<MolDashException>(grain.GetAsync)).Kind);
        Assert.Equal(1, ClusterFixture.Eraser.SessionsRevoked[id]);
        Assert.Equal(1, ClusterFixture.Resources.DatabasesDropped[id]);
        Assert.Equal(1, ClusterFixture.Resources.ContainersDeleted[id]);
        Assert.Equal(1, ClusterFixture.Eraser.GrainStateErased[id]);
        Assert.Equal(1, ClusterFixture.Eraser.CatalogErased[id]);
        Assert.Null(ClusterFixture.Catalog.StatusOf(id));
        Assert.Contains(ClusterFixture.AuditLog.Entries, e => e.OrgId == id && e.Action == AuditActions.OrganizationDeletionRequested);
        Assert.Contains(ClusterFixture.AuditLog.Entries, e => e.OrgId == id && e.Action == AuditActions.OrganizationDeleted && e.Outcome == AuditOutcome.Succeeded);
        // Root reaching the org's other grains is told they do not exist.
        var tasks = await Assert.ThrowsAsync<MolDashException>(() => cluster.Client.GetGrain<ITaskCatalogGrain>(id).ListAsync(new TaskQuery(), null, 10));
        Assert.Equal(ErrorKind.NotFound, tasks.Kind);
    }

    [Fact]
    public async Task A_failed_step_is_reported_and_repeating_the_delete_resumes_from_it()
    {
        Callers.ActAs(Callers.Root());
        var id = Guid.NewGuid();
        var grain = cluster.Client.GetGrain<IOrganizationGrain>(id);
        await grain.CreateAsync("Stubborn " + id);
        ClusterFixture.Resources.FailContainerDeletionOf(id, "storage account unreachable");

        var stuck = await grain.DeleteAsync();
        var read = await grain.GetAsync();
        var quotas = await Assert.ThrowsAsync<MolDashException>(() => grain.SetQuotasAsync(OrganizationQuotas.Default));
        var listedWhileStuck = ClusterFixture.Catalog.StatusOf(id);
        ClusterFixture.Resources.Heal(id);
        var done = await grain.DeleteAsync();

        Assert.Equal(OrganizationStatus.Deleting, stuck!.Status);
        Assert.Equal([DeletionStep.Sessions, DeletionStep.ResultsDatabase], stuck.Deletion!.CompletedSteps);
        Assert.Equal(DeletionStep.BlobContainer, stuck.Deletion.FailedStep);
        Assert.Contains("storage account unreachable", stuck.Deletion.FailureReason, StringComparison.Ordinal);
        Assert.Equal(OrganizationStatus.Deleting, read.Status);
        Assert.Equal(OrganizationStatus.Deleting, listedWhileStuck);
        Assert.Equal(ErrorKind.Conflict, quotas.Kind);
        Assert.Null(done);
        Assert.Equal(1, ClusterFixture.Resources.DatabasesDropped[id]);
        Assert.Contains(ClusterFixture.AuditLog.Entries, e => e.OrgId == id && e.Action == AuditActions.OrganizationDeleted && e.Outcome == AuditOutcome.Failed);
    }

    [Fact]
    public async Task An_organization_with_unfinished_jobs_is_not_deleted()
    {
        Callers.ActAs(Callers.Root());
        var id = Guid.NewGuid();
        var grain = cluster.Client.GetGrain<IOrganizationGrain>(id);
        await grain.CreateAsync("Busy " + id);
        ClusterFixture.Resources.UnfinishedJobs[id] = 2;

        var error = await Assert.ThrowsAsync<MolDashException>(grain.DeleteAsync);

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("2 pending or running", error.Message, StringComparison.Ordinal);
        Assert.Equal(OrganizationStatus.Active, (await grain.GetAsync()).Status);
    }

    [Fact]
    public async Task Only_root_deletes_and_an_unknown_organization_is_not_found()
    {
        var id = Guid.NewGuid();
        Callers.ActAs(Callers.Root());
        await cluster.Client.GetGrain<IOrganizationGrain>(id).CreateAsync("Kept " + id);
        var unknown = await Assert.ThrowsAsync<MolDashException>(() => cluster.Client.GetGrain<IOrganizationGrain>(Guid.NewGuid()).DeleteAsync());
        Callers.ActAs(Callers.AdminOf(id));

        var admin = await Assert.ThrowsAsync<MolDashException>(() => cluster.Client.GetGrain<IOrganizationGrain>(id).DeleteAsync());

        Assert.Equal(ErrorKind.NotFound, unknown.Kind);
        Assert.Equal(ErrorKind.Forbidden, admin.Kind);
    }
}
