using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.Grains.Tests.Infrastructure;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Organizations;

[Collection(ClusterTestGroup.Name)]
public sealed class OrganizationGrainTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task Root_creates_an_organization_that_is_active_and_listed_as_active()
    {
        var root = Callers.Root();
        Callers.ActAs(root);
        var id = Guid.NewGuid();

        var org = await cluster.Client.GetGrain<IOrganizationGrain>(id).CreateAsync("  Benzene Works ");

        Assert.Equal(id, org.Id);
        Assert.Equal("Benzene Works", org.Name);
        Assert.Equal(OrganizationStatus.Active, org.Status);
        Assert.Equal(root.UserId, org.CreatedBy);
        Assert.Equal(OrganizationStatus.Active, ClusterFixture.Catalog.StatusOf(id));
        Assert.Equivalent(org, await cluster.Client.GetGrain<IOrganizationGrain>(id).GetAsync(), strict: true);
    }

    [Fact]
    public async Task Repeating_a_create_with_the_same_name_returns_the_same_organization()
    {
        Callers.ActAs(Callers.Root());
        var grain = cluster.Client.GetGrain<IOrganizationGrain>(Guid.NewGuid());

        var first = await grain.CreateAsync("Retry Safe " + Guid.NewGuid());
        var second = await grain.CreateAsync(first.Name);

        Assert.Equivalent(first, second, strict: true);
    }

    [Fact]
    public async Task Creating_an_existing_organization_under_another_name_is_a_conflict()
    {
        Callers.ActAs(Callers.Root());
        var grain = cluster.Client.GetGrain<IOrganizationGrain>(Guid.NewGuid());
        await grain.CreateAsync("Original " + Guid.NewGuid());

        var error = await Assert.ThrowsAsync<MolDashException>(() => grain.CreateAsync("Renamed " + Guid.NewGuid()));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task A_name_taken_by_another_organization_is_a_conflict_and_leaves_no_organization_behind()
    {
        Callers.ActAs(Callers.Root());
        var name = "Taken " + Guid.NewGuid();
        await cluster.Client.GetGrain<IOrganizationGrain>(Guid.NewGuid()).CreateAsync(name);
        var second = cluster.Client.GetGrain<IOrganizationGrain>(Guid.NewGuid());

        var error = await Assert.ThrowsAsync<MolDashException>(() => second.CreateAsync(name.ToUpperInvariant()));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<MolDashException>(second.GetAsync)).Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\tinside")]
    public async Task Names_that_are_blank_or_hold_control_characters_are_refused(string name)
    {
        Callers.ActAs(Callers.Root());

        var error = await Assert.ThrowsAsync<MolDashException>(() =>
            cluster.Client.GetGrain<IOrganizationGrain>(Guid.NewGuid()).CreateAsync(name));

        Assert.Equal(ErrorKind.Validation, error.Kind);
    }

    [Fact]
    public async Task Only_root_creates_organizations()
    {
        var id = Guid.NewGuid();
        Callers.ActAs(Callers.AdminOf(id));

        var error = await Assert.ThrowsAsync<MolDashException>(() =>
            cluster.Client.GetGrain<IOrganizationGrain>(id).CreateAsync("Self Made"));

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public async Task Members_read_their_own_organization_and_other_orgs_get_not_found()
    {
        var id = Guid.NewGuid();
        Callers.ActAs(Callers.Root());
        await cluster.Client.GetGrain<IOrganizationGrain>(id).CreateAsync("Members Only " + id);

        Callers.ActAs(Callers.StandardOf(id));
        var own = await cluster.Client.GetGrain<IOrganizationGrain>(id).GetAsync();
        Callers.ActAs(Callers.AdminOf(Guid.NewGuid()));
        var foreign = await Assert.ThrowsAsync<MolDashException>(cluster.Client.GetGrain<IOrganizationGrain>(id).GetAsync);

        Assert.Equal(id, own.Id);
        Assert.Equal(ErrorKind.NotFound, foreign.Kind);
        Assert.DoesNotContain(id.ToString(), foreign.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_without_a_caller_is_refused()
    {
        Callers.ActAs(null);

        var error = await Assert.ThrowsAsync<MolDashException>(cluster.Client.GetGrain<IOrganizationGrain>(Guid.NewGuid()).GetAsync);

        Assert.Equal(ErrorKind.Unauthenticated, error.Kind);
    }
}
