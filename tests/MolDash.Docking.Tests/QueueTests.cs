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
}
