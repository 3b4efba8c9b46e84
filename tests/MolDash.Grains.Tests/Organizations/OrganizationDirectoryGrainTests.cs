using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.Grains.Tests.Infrastructure;
using Orleans.TestingHost;

namespace MolDash.Grains.Tests.Organizations;

[Collection(ClusterTestGroup.Name)]
public sealed class OrganizationDirectoryGrainTests(ClusterFixture fixture)
{
    private readonly TestCluster cluster = fixture.Cluster;

    [Fact]
    public async Task Root_pages_through_all_organizations_without_repeats()
    {
        Callers.ActAs(Callers.Root());
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var id = Guid.NewGuid();
            await cluster.Client.GetGrain<IOrganizationGrain>(id).CreateAsync($"Directory {i} {id}");
            created.Add(id);
        }

        var directory = cluster.Client.GetGrain<IOrganizationDirectoryGrain>(0);
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await directory.ListAsync(cursor, 2);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(item => item.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Subset(seen.ToHashSet(), created.ToHashSet());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Only_root_lists_every_organization()
    {
        Callers.ActAs(Callers.AdminOf(Guid.NewGuid()));

        var error = await Assert.ThrowsAsync<MolDashException>(() =>
            cluster.Client.GetGrain<IOrganizationDirectoryGrain>(0).ListAsync(null, 10));

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task A_page_size_outside_1_to_200_is_refused(int limit)
    {
        Callers.ActAs(Callers.Root());

        var error = await Assert.ThrowsAsync<MolDashException>(() =>
            cluster.Client.GetGrain<IOrganizationDirectoryGrain>(0).ListAsync(null, limit));

        Assert.Equal(ErrorKind.Validation, error.Kind);
    }
}
