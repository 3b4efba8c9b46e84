using System.Net;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

[Collection(DefaultHostGroup.Name)]
public sealed class AsyncJobTests(DefaultHostFixture fixture)
{
    private static readonly (string, string) RespondAsync = ("Prefer", "respond-async");
    private static readonly (string, string) Wait = ("Prefer", "wait=60");

    private DockingHost Host => fixture.Host;

    [Fact]
    public async Task Respond_async_answers_202_with_a_location_that_gives_the_result()
    {
        var (response, body) = await Host.PostAsync("/properties", new { molecule = "Oc1ccccc1" }, RespondAsync);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Equal("/jobs/" + body["id"]!.GetValue<string>(), location);
        var (done, result) = await WaitForEndAsync(location);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("C6H6O", result["formula"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_a_running_job_kills_vina_and_leaves_no_files()
    {
        var receptor = await PreparedReceptors.GetAsync(Host, "1UW6_NCT");
        var (response, body) = await Host.PostAsync("/dock", Requests.NicotineDock(receptor, exhaustiveness: 64), RespondAsync);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();

        // The long poll answers as soon as the status is no longer the one named in If-None-Match.
        while (body["status"]?.GetValue<string>() == "queued")
        {
            (_, body) = await Host.GetAsync(location, Wait, ("If-None-Match", "\"queued\""));
        }

        Assert.Equal("running", body["status"]!.GetValue<string>());
        var vina = await VinaStartedAsync();
        Assert.NotEmpty(vina);

        var cancel = await Host.Client.DeleteAsync(location);

        Assert.Equal(HttpStatusCode.NoContent, cancel.StatusCode);
        Assert.Empty(ProcessTable.Mentioning(Host.WorkDirectory));
        Assert.Empty(Host.LeftoverFiles());
        var (after, problem) = await Host.GetAsync(location);
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
        Assert.Equal("The job was cancelled.", problem["title"]!.GetValue<string>());
        var again = await Host.Client.DeleteAsync(location);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
    }

    [Fact]
    public async Task Unknown_jobs_are_404_problems_and_finished_jobs_cannot_be_cancelled()
    {
        var (missing, problem) = await Host.GetAsync("/jobs/0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, problem["status"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Client.DeleteAsync("/jobs/0123456789abcdef")).StatusCode);

        var (accepted, _) = await Host.PostAsync("/properties", new { molecule = "CCO" }, RespondAsync);
        var location = accepted.Headers.Location!.ToString();
        await WaitForEndAsync(location);
        var cancel = await Host.Client.DeleteAsync(location);
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
    }

    private async Task<(HttpResponseMessage Response, System.Text.Json.Nodes.JsonNode Body)> WaitForEndAsync(string location)
    {
        while (true)
        {
            var (response, body) = await Host.GetAsync(location, Wait);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return (response, body);
            }
        }
    }

    /// <summary>The job is "running" once its slot is granted; Vina starts right after ligand preparation.</summary>
    private async Task<IReadOnlyList<int>> VinaStartedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        IReadOnlyList<int> found;
        while ((found = ProcessTable.Mentioning(Host.WorkDirectory).Where(IsVina).ToList()).Count == 0)
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }

        return found;
    }

    private static bool IsVina(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0')[0].EndsWith("vina", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
