using System.Net;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

/// <summary>Service-wide limits: the request body size (413) and an engine that never answers (killed, 500).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LimitTests : IAsyncLifetime
{
    private readonly string _hangingVina = Path.Combine(Path.GetTempPath(), $"moldash-hanging-vina-{Guid.NewGuid():N}");
    private DockingHost _host = null!;

    public async Task InitializeAsync()
    {
        // Answers the version query, then hangs on any docking until it is killed: the shell and its
        // child (tail, which names the script on its command line) must both go.
        await File.WriteAllTextAsync(_hangingVina,
            "#!/bin/sh\nif [ \"$1\" = \"--version\" ]; then echo 'AutoDock Vina v1.2.3'; exit 0; fi\ntail -f /dev/null \"$0\" > /dev/null\n");
        File.SetUnixFileMode(_hangingVina, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _host = await DockingHost.StartAsync(new Dictionary<string, string?>
        {
            ["Docking:VinaPath"] = _hangingVina,
            ["Docking:ToolTimeoutSeconds"] = "1",
            ["Docking:MaxRequestBytes"] = "1000000",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_hangingVina);
    }

    [Fact]
    public async Task A_body_over_the_request_limit_is_a_413_problem()
    {
        var (response, problem) = await _host.PostAsync("/properties", new { molecule = new string('C', 1_100_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, problem["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_engine_past_its_timeout_is_killed_and_reported_as_a_500()
    {
        var (x, y, z) = SharedData.Center("1UW6_NCT");
        var receptor = await PreparedReceptors.GetAsync(_host, "1UW6_NCT");

        var (response, problem) = await _host.PostAsync("/dock", new { receptor, ligand = Requests.Nicotine, center = new { x, y, z } });

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("no answer within 1 s", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(ProcessTable.Mentioning(_hangingVina));
        Assert.Empty(_host.LeftoverFiles());
    }
}
