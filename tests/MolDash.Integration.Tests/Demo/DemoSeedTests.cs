using System.Net.Http.Json;
using System.Text.Json;
using MolDash.DemoSeed;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Demo;

/// <summary>
/// What `./moldash up` seeds, on the real stack: the demo Admin and chemist sign in to their org, the docking
/// pipeline is in the chemist's catalog, the first docking run finishes with ranked poses, and seeding again
/// changes nothing (the same org, the run answered from the cache).
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class DemoSeedTests(PlatformFixture fixture) : IAsyncLifetime
{
    private readonly PlatformUnderTest platform = fixture.Platform;
    private DockingService docking = null!;

    public async Task InitializeAsync() => docking = await DockingService.StartAsync();

    public async Task DisposeAsync() => await docking.DisposeAsync();

    [Fact]
    public async Task Seeding_gives_a_demo_org_whose_chemist_docks_a_library_and_seeding_again_changes_nothing()
    {
        var settings = new DemoSeedSettings(
            platform.ApiAddress, PlatformUnderTest.RootEmail, platform.RootPassword, docking.Address, "demo-admin-password-1", "demo-member-password-1");

        var first = await new DemoSeeder(settings, TextWriter.Null).SeedAsync();

        var memberToken = await platform.AccessTokenAsync(DemoSeedSettings.MemberEmail, settings.MemberPassword, first.OrgId);
        using var member = platform.CreateClient(memberToken);
        var catalog = await member.GetFromJsonAsync<JsonElement>("/api/v1/pipelines?category=docking");
        Assert.Contains(catalog.GetProperty("items").EnumerateArray(), item => item.GetProperty("name").GetString() == DockingDemo.PipelineName);
        Assert.Equal("Created", first.Cache);

        var job = await ResourcePolling.UntilAsync(
            member, $"/api/v1/jobs/{first.JobId}", done => done.GetProperty("status").GetString() is "Succeeded" or "Failed", TimeSpan.FromMinutes(4));
        Assert.True(job.GetProperty("status").GetString() == "Succeeded", job.ToString());
        Assert.Equal("Normal", job.GetProperty("priority").GetString());
        var results = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{first.JobId}/results")).GetProperty("items").EnumerateArray();
        var docked = results.Where(result => result.GetProperty("taskName").GetString() == "dock").ToList();
        Assert.Equal(3, docked.Count);
        Assert.All(docked, result => Assert.True(result.GetProperty("output").GetProperty("results")[0].GetProperty("poses").GetArrayLength() > 0));

        var again = await new DemoSeeder(settings, TextWriter.Null).SeedAsync();

        Assert.Equal((first.OrgId, first.JobId, "Hit"), (again.OrgId, again.JobId, again.Cache));
        using var admin = platform.CreateClient(await platform.AccessTokenAsync(DemoSeedSettings.AdminEmail, settings.AdminPassword, first.OrgId));
        var tasks = await admin.GetFromJsonAsync<JsonElement>("/api/v1/tasks?limit=50");
        Assert.Equal(DockingDemo.Tasks.Count, tasks.GetProperty("items").GetArrayLength());
    }
}
