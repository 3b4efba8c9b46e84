using System.Net;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

/// <summary>A Vina that crashes with a message: the answer is a clean 500 without its stderr, and no file is left.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EngineFailureTests : IAsyncLifetime
{
    private const string Secret = "SEGFAULT-IN-/secret/path/of/the/host";

    private readonly string _fakeVina = Path.Combine(Path.GetTempPath(), $"moldash-fake-vina-{Guid.NewGuid():N}");
    private DockingHost _host = null!;

    public async Task InitializeAsync()
    {
        // Answers the version query like Vina (so the service is ready), fails every docking noisily.
        await File.WriteAllTextAsync(_fakeVina,
            $"#!/bin/sh\nif [ \"$1\" = \"--version\" ]; then echo 'AutoDock Vina v1.2.3'; exit 0; fi\necho '{Secret}' >&2\nexit 139\n");
        File.SetUnixFileMode(_fakeVina, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _host = await DockingHost.StartAsync(new Dictionary<string, string?> { ["Docking:VinaPath"] = _fakeVina });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        File.Delete(_fakeVina);
    }

    [Fact]
    public async Task A_crashing_engine_gives_a_500_problem_without_its_stderr()
    {
        var receptor = await PreparedReceptors.GetAsync(_host, "1UW6_NCT");

        var (response, problem) = await _host.PostAsync("/dock", Requests.NicotineDock(receptor));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("A chemistry engine failed.", problem["title"]!.GetValue<string>());
        Assert.StartsWith("vina:", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(problem["traceId"]);
        Assert.Empty(_host.LeftoverFiles());
    }

    [Fact]
    public async Task In_a_batch_a_crashing_engine_fails_each_ligand_without_its_stderr()
    {
        var receptor = await PreparedReceptors.GetAsync(_host, "1UW6_NCT");
        var (x, y, z) = SharedData.Center("1UW6_NCT");

        var (response, body) = await _host.PostAsync("/dock", new
        {
            receptor,
            ligands = new[] { new { ligand = Requests.Nicotine } },
            center = new { x, y, z },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("failed", body["results"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("ligands[0].ligand", body["results"]![0]!["error"]!["field"]!.GetValue<string>());
        Assert.DoesNotContain(Secret, body.ToJsonString(), StringComparison.Ordinal);
    }
}
