using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.Grains.Tests.Infrastructure;
using MolDash.Grains.Users;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Access;

public sealed class MembershipFreshnessTests(FakeClockClusterFixture fixture) : IClassFixture<FakeClockClusterFixture>
{
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task A_change_made_outside_the_org_users_grain_reaches_live_tokens_within_the_max_age()
    {
        var orgId = Guid.NewGuid();
        Callers.ActAs(Callers.Root());
        await cluster.Client.GetGrain<IOrganizationGrain>(orgId).CreateAsync("Fresh " + orgId);
        var member = Callers.StandardOf(orgId);
        Callers.ActAs(member);
        await cluster.Client.GetGrain<IOrganizationGrain>(orgId).GetAsync();

        // As when the org is suspended: the database says "no longer active", nobody invalidates the grain.
        ClusterFixture.Memberships.Put(orgId, member.UserId, member.Roles, disabled: true);
        await cluster.Client.GetGrain<IOrganizationGrain>(orgId).GetAsync();
        FakeClockClusterFixture.Time.Advance(MembershipGrain.MaxAge + TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<MolDashException>(cluster.Client.GetGrain<IOrganizationGrain>(orgId).GetAsync);

        Assert.Equal(ErrorKind.Unauthenticated, error.Kind);
    }
}
