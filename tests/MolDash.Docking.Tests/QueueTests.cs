using System.Net;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

/// <summary>One slot and no queue: a second docking while the first runs is refused with 429 + Retry-After.</summary>
public sealed class QueueTests : IAsyncLifetime
{
    private DockingHost _host = null!;

    public async Task InitializeAsync() => _host = await DockingHost.StartAsync(new Dictionary<string, string?>
    {
        ["Docking:Slots"] = "1",
        ["Docking:QueueCapacity"] = "0",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_full_queue_answers_429_with_retry_after_and_frees_up_after_cancel()
    {
        var receptor = await PreparedReceptors.GetAsync(_host, "5X72_P59");
        var (x, y, z) = SharedData.Center("5X72_P59");
        var request = new
        {
            receptor,
            ligand = Requests.Nicotine,
            center = new { x, y, z },
            exhaustiveness = 64,
        };
        var (first, _) = await _host.PostAsync("/dock", request, ("Prefer", "respond-async"));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        var (refused, problem) = await _host.PostAsync("/dock", request);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("The docking queue is full.", problem["title"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await _host.Client.DeleteAsync(first.Headers.Location)).StatusCode);
        var (afterCancel, _) = await _host.PostAsync("/dock", request with { exhaustiveness = 1 });
        Assert.Equal(HttpStatusCode.OK, afterCancel.StatusCode);
        Assert.Empty(_host.LeftoverFiles());
    }

    [Fact]
    public async Task A_batch_that_could_never_be_admitted_is_a_422_not_a_429()
    {
        var (response, problem) = await _host.PostAsync("/dock", new
        {
            receptor = "x",
            ligands = new[] { new { ligand = "CCO" }, new { ligand = "CCN" } },
            center = new { x = 0, y = 0, z = 0 },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("at most 1", problem["errors"]!["ligands"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
