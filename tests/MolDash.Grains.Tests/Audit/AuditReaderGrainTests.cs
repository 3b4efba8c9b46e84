using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.Grains.Tests.Infrastructure;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Audit;

[Collection(ClusterTestGroup.Name)]
public sealed class AuditReaderGrainTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task An_admin_reads_only_their_own_organizations_rows()
    {
        var (mine, other) = (Guid.NewGuid(), Guid.NewGuid());
        Callers.ActAs(Callers.Root());
        await cluster.Client.GetGrain<IOrganizationGrain>(mine).CreateAsync("Mine " + mine);
        await cluster.Client.GetGrain<IOrganizationGrain>(other).CreateAsync("Other " + other);

        Callers.ActAs(Callers.AdminOf(mine));
        var reader = cluster.Client.GetGrain<IAuditReaderGrain>(0);
        var unfiltered = await reader.ListAsync(new AuditQuery(null, null, null, null, null, null), null, 500);
        var foreign = await Assert.ThrowsAsync<MolDashException>(() =>
            reader.ListAsync(new AuditQuery(other, null, null, null, null, null), null, 10));

        Assert.NotEmpty(unfiltered.Items);
        Assert.All(unfiltered.Items, entry => Assert.Equal(mine, entry.OrgId));
        Assert.Equal(ErrorKind.NotFound, foreign.Kind);
    }

    [Fact]
    public async Task Standard_users_cannot_read_the_audit_log()
    {
        Callers.ActAs(Callers.StandardOf(Guid.NewGuid()));

        var error = await Assert.ThrowsAsync<MolDashException>(() => cluster.Client.GetGrain<IAuditReaderGrain>(0)
            .ListAsync(new AuditQuery(null, null, null, null, null, null), null, 10));

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public async Task A_standard_user_granted_audit_read_reads_their_organizations_rows()
    {
        var mine = Guid.NewGuid();
        Callers.ActAs(Callers.Root());
        await cluster.Client.GetGrain<IOrganizationGrain>(mine).CreateAsync("Granted " + mine);

        Callers.ActAs(Callers.Member(mine, MolDashRoles.Standard, [MolDashPermissions.AuditRead]));
        var page = await cluster.Client.GetGrain<IAuditReaderGrain>(0).ListAsync(new AuditQuery(null, null, null, null, null, null), null, 500);

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, entry => Assert.Equal(mine, entry.OrgId));
    }

    [Fact]
    public async Task Root_pages_newest_first_without_repeats()
    {
        Callers.ActAs(Callers.Root());
        for (var i = 0; i < 3; i++)
        {
            var id = Guid.NewGuid();
            await cluster.Client.GetGrain<IOrganizationGrain>(id).CreateAsync("Paged audit " + id);
        }

        var reader = cluster.Client.GetGrain<IAuditReaderGrain>(0);
        var query = new AuditQuery(null, null, AuditActions.OrganizationCreated, null, null, null);
        var first = await reader.ListAsync(query, null, 2);
        var second = await reader.ListAsync(query, first.NextCursor, 2);

        Assert.Equal(2, first.Items.Count);
        Assert.True(first.Items[0].Id > first.Items[1].Id);
        Assert.True(second.Items[0].Id < first.Items[1].Id);
    }
}
