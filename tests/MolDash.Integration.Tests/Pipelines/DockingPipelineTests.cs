using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Pipelines;

/// <summary>
/// The pipelines issue's "done when", on the real stack: an Admin builds prepare receptor → prepare ligand →
/// dock → properties from the docking service's tasks and publishes it; a Standard user finds it, runs it on a
/// receptor and a small ligand library, follows it live and ranks the poses; the same run again is a cache
/// hit, and the Admin sees the hit, pins the entry and invalidates it.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class DockingPipelineTests(PlatformFixture fixture) : IAsyncLifetime
{
    private const string Version = "/api/v1/pipelines/docking/versions/1.0.0";

    private readonly PlatformUnderTest platform = fixture.Platform;
    private DockingService docking = null!;

    public async Task InitializeAsync() => docking = await DockingService.StartAsync();

    public async Task DisposeAsync() => await docking.DisposeAsync();

    [Fact]
    public async Task An_admin_publishes_a_docking_pipeline_a_member_docks_a_library_live_gets_ranked_poses_and_the_rerun_is_a_cache_hit()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, docking.Address, maxAttempts: 2, taskName: "prepare-receptor", operationId: "prepareReceptor");
        await TaskRegistration.AddTaskAsync(platform, scenario.AdminToken, docking.Address, "prepare-ligand", "prepareLigand", maxAttempts: 2);
        await TaskRegistration.AddTaskAsync(platform, scenario.AdminToken, docking.Address, "dock", "dock", maxAttempts: 2);
        await TaskRegistration.AddTaskAsync(platform, scenario.AdminToken, docking.Address, "properties", "properties", maxAttempts: 2);
        using var admin = platform.CreateClient(scenario.AdminToken);
        using var member = platform.CreateClient(scenario.MemberToken);

        using (var created = await admin.PostAsJsonAsync("/api/v1/pipelines", new { name = "docking", description = "Dock a ligand library into a receptor", category = "docking", graph = Graph() }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var draft = await admin.GetFromJsonAsync<JsonElement>($"{Version}");
        Assert.True(draft.GetProperty("problems").GetArrayLength() == 0, draft.GetProperty("problems").ToString());
        (await admin.PostAsync($"{Version}/publish", null)).EnsureSuccessStatusCode();

        var catalog = await member.GetFromJsonAsync<JsonElement>("/api/v1/pipelines?category=docking");
        Assert.Contains(catalog.GetProperty("items").EnumerateArray(), item => item.GetProperty("name").GetString() == "docking");
        var receptor = await DockingData.UploadAsync(member, "receptor.pdb", await File.ReadAllBytesAsync(Path.Combine(DockingData.Complex, "receptor.pdb")));
        var library = File.ReadAllLines(Path.Combine(RepositoryLayout.SharedData, "ligands-small.csv")).Skip(1).Take(2)
            .Select(line => line.Split(',')).Select(parts => new { ligand = parts[1] }).ToArray();
        var batch = new { inputs = new { receptor = $"artifact:{receptor}" }, items = library };
        await using var live = await LiveJobClient.ConnectAsync(platform.ApiAddress, scenario.MemberToken);

        using var submitted = await member.PostAsJsonAsync($"{Version}/batches", batch);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var run = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var jobId = run.GetProperty("job").GetProperty("jobId").GetGuid();
        var snapshot = await live.SubscribeJobAsync(jobId);
        var events = snapshot.GetProperty("status").GetString() == "Succeeded" ? [] : await live.UntilFinishedAsync(jobId, TimeSpan.FromMinutes(5), snapshot.GetProperty("lastEventSeq").GetInt64());

        var job = await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
        Assert.True(job.GetProperty("status").GetString() == "Succeeded" && job.GetProperty("error").ValueKind == JsonValueKind.Null, job.ToString());
        Assert.Equal(2, job.GetProperty("progress").GetProperty("items").GetProperty("succeeded").GetInt32());
        Assert.Contains(events, entry => entry.GetProperty("progress").TryGetProperty("items", out var items) && items.GetProperty("succeeded").GetInt32() == 1);

        // The receptor was prepared once for both ligands; each ligand has its poses ranked best first and its properties.
        var results = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/results")).GetProperty("items").EnumerateArray().ToList();
        Assert.Single(results, result => result.GetProperty("taskName").GetString() == "prepare-receptor");
        var ranking = results.Where(result => result.GetProperty("taskName").GetString() == "dock")
            .Select(result => result.GetProperty("output").GetProperty("results")[0])
            .OrderBy(docked => docked.GetProperty("bestAffinity").GetDouble())
            .ToList();
        Assert.Equal(2, ranking.Count);
        Assert.All(ranking, docked =>
        {
            var poses = docked.GetProperty("poses").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(1, poses.Count), poses.Select(pose => pose.GetProperty("rank").GetInt32()));
            Assert.Equal(poses.Select(pose => pose.GetProperty("affinity").GetDouble()).Order(), poses.Select(pose => pose.GetProperty("affinity").GetDouble()));
            Assert.InRange(docked.GetProperty("bestAffinity").GetDouble(), -15, 0);
        });
        Assert.Equal(2, results.Count(result => result.GetProperty("taskName").GetString() == "properties"
            && result.GetProperty("output").GetProperty("molecularWeight").GetDouble() > 0));

        using var again = await member.PostAsJsonAsync($"{Version}/batches", batch);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var hit = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Hit", jobId), (hit.GetProperty("cache").GetString(), hit.GetProperty("job").GetProperty("jobId").GetGuid()));

        var signature = run.GetProperty("signature").GetString();
        var entry = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cache/{signature}");
        Assert.Equal(1, entry.GetProperty("hitCount").GetInt64());
        (await admin.PutAsJsonAsync($"/api/v1/cache/{signature}/pin", new { pinned = true })).EnsureSuccessStatusCode();
        Assert.True((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cache/{signature}")).GetProperty("pinned").GetBoolean());
        (await admin.PostAsync($"/api/v1/cache/{signature}/invalidate", null)).EnsureSuccessStatusCode();
        Assert.Equal("Invalidated", (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/cache/{signature}")).GetProperty("status").GetString());
    }

    /// <summary>The prepared receptor and ligand (PDBQT) go into dock; the best pose (SDF) goes into properties.</summary>
    private static object Graph()
    {
        var (center, size) = DockingData.Box();
        return DockingPipelineGraph.Create(center, size);
    }
}
