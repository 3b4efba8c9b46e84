using System.Net;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

/// <summary>Real Vina on shipped complexes: the crystal ligand must come back where the crystal has it.</summary>
[Collection(DefaultHostGroup.Name)]
public sealed class RedockingTests(DefaultHostFixture fixture)
{
    private DockingHost Host => fixture.Host;

    [Theory]
    [InlineData("1UW6_NCT")]
    [InlineData("5X72_P59")]
    public async Task Redocking_the_crystal_ligand_puts_the_top_pose_within_2_angstrom(string complex)
    {
        var receptor = await PreparedReceptors.GetAsync(Host, complex);
        var (x, y, z) = SharedData.Center(complex);

        var (response, body) = await Host.PostAsync("/dock", new
        {
            receptor,
            ligand = SharedData.Complex(complex, "ligand_crystal.sdf"),
            ligandFormat = "sdf",
            center = new { x, y, z },
            size = new { x = 20, y = 20, z = 20 },
            exhaustiveness = 4,
            seed = 42,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = body["results"]![0]!;
        Assert.Equal("succeeded", result["status"]!.GetValue<string>());
        var top = result["poses"]![0]!;
        var rmsd = await ObRms.RmsdAsync(SharedData.ComplexPath(complex, "ligand_crystal.sdf"), top["sdf"]!.GetValue<string>());
        Assert.True(rmsd <= 2.0, $"{complex}: top pose {rmsd:F2} Å from the crystal pose");
        Assert.True(top["affinity"]!.GetValue<double>() < -5, "a crystal ligand in its own site binds");
        Assert.InRange(result["poseConfidence"]!.GetValue<double>(), 0, 1);
        Assert.Equal(42, body["provenance"]!["parameters"]!["seed"]!.GetValue<int>());
        Assert.Contains(body["provenance"]!["engines"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "AutoDock Vina" && e["version"]!.GetValue<string>().StartsWith("1.2", StringComparison.Ordinal));
        Assert.Empty(Host.LeftoverFiles());
    }

    [Fact]
    public async Task Autobox_around_the_crystal_ligand_finds_the_same_site()
    {
        var receptor = await PreparedReceptors.GetAsync(Host, "1UW6_NCT");

        var (response, body) = await Host.PostAsync("/dock", new
        {
            receptor,
            ligand = Requests.Nicotine,
            autoboxLigand = SharedData.Complex("1UW6_NCT", "ligand_crystal.sdf"),
            autoboxPadding = 6.0,
            exhaustiveness = 2,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("autobox", body["box"]!["source"]!.GetValue<string>());
        var (x, _, _) = SharedData.Center("1UW6_NCT");
        Assert.InRange(body["box"]!["center"]![0]!.GetValue<double>(), x - 3, x + 3);
        Assert.Equal("rdkit-etkdg", body["results"]![0]!["ligand"]!["conformerMethod"]!.GetValue<string>());
    }
}
