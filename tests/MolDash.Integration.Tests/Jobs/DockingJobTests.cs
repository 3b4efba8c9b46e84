using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Jobs;

/// <summary>
/// The jobs issue's "done when", on the real stack: a Standard user uploads a receptor and a ligand, runs
/// the docking task (AutoDock Vina through the docking service) on them, follows it live and gets scores,
/// poses and artifact links; a small ligand library runs as a batch with progress.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class DockingJobTests(PlatformFixture fixture) : IAsyncLifetime
{
    private const string Dock = "/api/v1/tasks/dock/versions/1.0.0";
    private static readonly string Complex = DockingData.Complex;

    private readonly PlatformUnderTest platform = fixture.Platform;
    private DockingService docking = null!;

    public async Task InitializeAsync() => docking = await DockingService.StartAsync();

    public async Task DisposeAsync() => await docking.DisposeAsync();

    [Fact]
    public async Task A_member_docks_an_uploaded_ligand_into_an_uploaded_receptor_and_gets_scores_poses_and_artifacts()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, docking.Address, maxAttempts: 2, taskName: "dock", operationId: "dock");
        using var member = platform.CreateClient(scenario.MemberToken);
        var receptor = await DockingData.UploadAsync(member, "receptor.pdb", await File.ReadAllBytesAsync(Path.Combine(Complex, "receptor.pdb")));
        var ligand = await DockingData.UploadAsync(member, "nicotine.smi", "CN1CCC[C@H]1c1cccnc1 nicotine\n"u8.ToArray());
        await using var live = await LiveJobClient.ConnectAsync(platform.ApiAddress, scenario.MemberToken);

        using var submitted = await member.PostAsJsonAsync($"{Dock}/runs", new
        {
            parameters = Box(new Dictionary<string, object>
            {
                ["receptor"] = $"artifact:{receptor}",
                ["receptorFormat"] = "pdb",
                ["ligand"] = $"artifact:{ligand}",
                ["ligandFormat"] = "smiles",
                ["exhaustiveness"] = 4,
                ["numModes"] = 3,
            }),
        });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        var snapshot = await live.SubscribeJobAsync(jobId);
        var events = snapshot.GetProperty("status").GetString() == "Succeeded" ? [] : await live.UntilFinishedAsync(jobId, TimeSpan.FromMinutes(3), snapshot.GetProperty("lastEventSeq").GetInt64());

        var job = await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
        Assert.True(job.GetProperty("status").GetString() == "Succeeded", job.GetProperty("error").ToString());
        Assert.All(events, entry => Assert.Equal(jobId, entry.GetProperty("jobId").GetGuid()));
        var result = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/results")).GetProperty("items")[0];
        var docked = result.GetProperty("output").GetProperty("results")[0];
        Assert.InRange(docked.GetProperty("bestAffinity").GetDouble(), -12, -4);
        var poses = docked.GetProperty("poses").EnumerateArray().ToList();
        Assert.InRange(poses.Count, 1, 3);
        Assert.Contains("M  END", poses[0].GetProperty("sdf").GetString(), StringComparison.Ordinal);

        var artifacts = result.GetProperty("artifacts").EnumerateArray().ToList();
        var bestPose = artifacts.Single(artifact => artifact.GetProperty("pointer").GetString() == "/results/0/poses/0/sdf");
        Assert.Equal("sdf", bestPose.GetProperty("format").GetString());
        Assert.Equal(poses.Count * 2, artifacts.Count);
        var download = await member.GetFromJsonAsync<JsonElement>($"/api/v1/artifacts/{bestPose.GetProperty("artifactId").GetGuid()}/download");
        using var plain = new HttpClient();
        var downloaded = await plain.GetStringAsync(download.GetProperty("url").GetString());
        Assert.Equal(poses[0].GetProperty("sdf").GetString(), downloaded);
        var listed = await member.GetFromJsonAsync<JsonElement>($"/api/v1/artifacts?jobId={jobId}&format=sdf");
        Assert.Equal(poses.Count, listed.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_ligand_library_runs_as_a_batch_with_progress_against_one_receptor()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, docking.Address, maxAttempts: 2, taskName: "dock", operationId: "dock");
        using var member = platform.CreateClient(scenario.MemberToken);
        var receptor = await DockingData.UploadAsync(member, "receptor.pdb", await File.ReadAllBytesAsync(Path.Combine(Complex, "receptor.pdb")));
        var library = File.ReadAllLines(Path.Combine(RepositoryLayout.SharedData, "ligands-small.csv")).Skip(1).Take(3)
            .Select(line => line.Split(',')).Select(parts => new { ligand = parts[1], ligandFormat = "smiles" }).ToArray();
        await using var live = await LiveJobClient.ConnectAsync(platform.ApiAddress, scenario.MemberToken);

        using var submitted = await member.PostAsJsonAsync($"{Dock}/batches", new
        {
            parameters = Box(new Dictionary<string, object>
            {
                ["receptor"] = $"artifact:{receptor}",
                ["receptorFormat"] = "pdb",
                ["exhaustiveness"] = 1,
                ["numModes"] = 1,
            }),
            items = library,
        });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        var snapshot = await live.SubscribeJobAsync(jobId);
        var events = snapshot.GetProperty("status").GetString() == "Succeeded" ? [] : await live.UntilFinishedAsync(jobId, TimeSpan.FromMinutes(4), snapshot.GetProperty("lastEventSeq").GetInt64());

        var job = await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
        Assert.True(job.GetProperty("status").GetString() == "Succeeded", job.GetProperty("error").ToString());
        Assert.Equal(3, job.GetProperty("progress").GetProperty("succeeded").GetInt32());
        var done = events.Where(entry => entry.GetProperty("kind").GetString() == "node-succeeded")
            .Select(entry => entry.GetProperty("progress").GetProperty("succeeded").GetInt32()).ToList();
        Assert.Equal(done.Order(), done);
        var results = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}/results")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["item-0", "item-1", "item-2"], results.Select(result => result.GetProperty("nodeId").GetString()));
        Assert.All(results, result => Assert.True(result.GetProperty("output").GetProperty("results")[0].GetProperty("bestAffinity").GetDouble() < 0));
    }

    private static Dictionary<string, object> Box(Dictionary<string, object> parameters)
    {
        (parameters["center"], parameters["size"]) = DockingData.Box();
        return parameters;
    }
}
