using System.Net;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

[Collection(DefaultHostGroup.Name)]
public sealed class ReproducibilityTests(DefaultHostFixture fixture)
{
    private DockingHost Host => fixture.Host;

    [Fact]
    public async Task The_same_request_with_the_same_seed_gives_identical_scores_and_poses()
    {
        var receptor = await PreparedReceptors.GetAsync(Host, "1UW6_NCT");

        var (first, firstBody) = await Host.PostAsync("/dock", Requests.NicotineDock(receptor, seed: 7));
        var (second, secondBody) = await Host.PostAsync("/dock", Requests.NicotineDock(receptor, seed: 7));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = firstBody["results"]![0]!["poses"]!.AsArray();
        var b = secondBody["results"]![0]!["poses"]!.AsArray();
        Assert.True(a.Count > 1);
        Assert.Equal(a.Select(p => p!["affinity"]!.GetValue<double>()), b.Select(p => p!["affinity"]!.GetValue<double>()));
        Assert.Equal(a.Select(p => p!["pdbqt"]!.GetValue<string>()), b.Select(p => p!["pdbqt"]!.GetValue<string>()));
        Assert.NotEqual(firstBody["provenance"]!["startedAt"]!.GetValue<string>(), secondBody["provenance"]!["startedAt"]!.GetValue<string>());
    }
}
