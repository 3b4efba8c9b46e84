using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Tests.Infrastructure;
using MolDash.Grains.Users;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Access;

[Collection(ClusterTestGroup.Name)]
public sealed class GrainAccessFilterTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task A_disabled_member_is_refused_at_once_though_their_token_is_still_valid()
    {
        var orgId = await CreateOrgAsync();
        var member = Callers.StandardOf(orgId);
        Callers.ActAs(member);
        await cluster.Client.GetGrain<IOrganizationGrain>(orgId).GetAsync();

        ClusterFixture.Memberships.Put(orgId, member.UserId, member.Roles, disabled: true);
        await cluster.Client.GetGrain<IMembershipGrain>(MembershipKey.For(orgId, member.UserId)).InvalidateAsync();
        var error = await Assert.ThrowsAsync<MolDashException>(cluster.Client.GetGrain<IOrganizationGrain>(orgId).GetAsync);

        Assert.Equal(ErrorKind.Unauthenticated, error.Kind);
    }

    [Fact]
    public async Task A_token_claiming_roles_the_member_no_longer_has_is_refused()
    {
        var orgId = await CreateOrgAsync();
        var member = Callers.StandardOf(orgId);
        Callers.ActAs(member with { Roles = [MolDashRoles.Admin] });

        var error = await Assert.ThrowsAsync<MolDashException>(cluster.Client.GetGrain<IOrganizationGrain>(orgId).GetAsync);

        Assert.Equal(ErrorKind.Unauthenticated, error.Kind);
    }

    [Fact]
    public async Task A_token_for_an_org_the_user_never_joined_is_refused()
    {
        var orgId = await CreateOrgAsync();
        Callers.ActAs(new Caller(Guid.NewGuid(), orgId, [MolDashRoles.Admin]));

        var error = await Assert.ThrowsAsync<MolDashException>(cluster.Client.GetGrain<IOrganizationGrain>(orgId).GetAsync);

        Assert.Equal(ErrorKind.Unauthenticated, error.Kind);
    }

    [Fact]
    public async Task A_token_whose_security_stamp_is_no_longer_the_memberships_is_refused()
    {
        var orgId = await CreateOrgAsync();
        var member = Callers.StandardOf(orgId);
        Callers.ActAs(member);
        await cluster.Client.GetGrain<IOrganizationGrain>(orgId).GetAsync();

        // As after a password reset: same roles and permissions, a new stamp.
        ClusterFixture.Memberships.Put(orgId, member.UserId, member.Roles);
        await cluster.Client.GetGrain<IMembershipGrain>(MembershipKey.For(orgId, member.UserId)).InvalidateAsync();
        var error = await Assert.ThrowsAsync<MolDashException>(cluster.Client.GetGrain<IOrganizationGrain>(orgId).GetAsync);

        Assert.Equal(ErrorKind.Unauthenticated, error.Kind);
    }

    [Fact]
    public async Task A_token_claiming_permissions_the_member_does_not_hold_is_refused()
    {
        var orgId = await CreateOrgAsync();
        var member = Callers.StandardOf(orgId);
        Callers.ActAs(member with { Permissions = [.. member.Permissions, MolDashPermissions.AuditRead] });

        var error = await Assert.ThrowsAsync<MolDashException>(cluster.Client.GetGrain<IOrganizationGrain>(orgId).GetAsync);

        Assert.Equal(ErrorKind.Unauthenticated, error.Kind);
    }

    private async Task<Guid> CreateOrgAsync()
    {
        var orgId = Guid.NewGuid();
        Callers.ActAs(Callers.Root());
        await cluster.Client.GetGrain<IOrganizationGrain>(orgId).CreateAsync("Filter " + orgId);
        return orgId;
    }
}
