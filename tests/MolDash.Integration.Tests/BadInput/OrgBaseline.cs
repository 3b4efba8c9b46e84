using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.BadInput;

/// <summary>
/// An org with data stored before the hostile input arrives (a published task, an artifact, a finished job),
/// read back afterwards byte for byte; and the platform's readiness, on the API and on the silo.
/// </summary>
public sealed class OrgBaseline
{
    private readonly PlatformUnderTest platform;
    private readonly Dictionary<string, string> stored;

    private OrgBaseline(PlatformUnderTest platform, JobScenario scenario, Guid artifactId, Guid jobId, Dictionary<string, string> stored)
    {
        this.platform = platform;
        (Scenario, ArtifactId, JobId) = (scenario, artifactId, jobId);
        this.stored = stored;
    }

    public JobScenario Scenario { get; }

    public Guid ArtifactId { get; }

    public Guid JobId { get; }

    public static async Task<OrgBaseline> CaptureAsync(PlatformFixture fixture, Uri echoAddress)
    {
        var scenario = await JobScenario.CreateAsync(fixture.Platform, fixture.RootToken, echoAddress);
        using var member = fixture.Platform.CreateClient(scenario.MemberToken);
        using var molecule = new StringContent("CCO ethanol\nc1ccccc1 benzene\n", Encoding.UTF8, "text/plain");
        using var uploaded = await member.PostAsync("/api/v1/artifacts?fileName=baseline.smi", molecule);
        uploaded.EnsureSuccessStatusCode();
        var artifactId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var submitted = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", new { parameters = new { message = "baseline" } });
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        await JobScenario.FinishedAsync(member, jobId);

        var paths = new[]
        {
            JobScenario.Task, $"{JobScenario.Task}/form", $"/api/v1/artifacts/{artifactId}",
            $"/api/v1/jobs/{jobId}", $"/api/v1/jobs/{jobId}/results", $"/api/v1/jobs/{jobId}/events",
        };
        var stored = new Dictionary<string, string>();
        foreach (var path in paths)
        {
            stored[path] = await member.GetStringAsync(path);
        }

        var download = await member.GetFromJsonAsync<JsonElement>($"/api/v1/artifacts/{artifactId}/download");
        using var plain = new HttpClient();
        stored["artifact bytes"] = await plain.GetStringAsync(download.GetProperty("url").GetString());
        return new OrgBaseline(fixture.Platform, scenario, artifactId, jobId, stored);
    }

    /// <summary>The API and the silo are ready and everything stored before reads back as it was.</summary>
    public async Task AssertHealthyAndIntactAsync(string after)
    {
        using var api = platform.CreateClient();
        using var silo = new HttpClient { BaseAddress = platform.Silo!.BaseAddress };
        Assert.True((await api.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, $"the API is not ready after {after}");
        Assert.True((await silo.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, $"the silo is not ready after {after}");

        using var member = platform.CreateClient(Scenario.MemberToken);
        foreach (var (path, before) in stored.Where(entry => entry.Key.StartsWith('/')))
        {
            Assert.True(before == await member.GetStringAsync(path), $"{path} changed after {after}");
        }

        var download = await member.GetFromJsonAsync<JsonElement>($"/api/v1/artifacts/{ArtifactId}/download");
        using var plain = new HttpClient();
        Assert.True(stored["artifact bytes"] == await plain.GetStringAsync(download.GetProperty("url").GetString()), $"the artifact's bytes changed after {after}");
    }
}
