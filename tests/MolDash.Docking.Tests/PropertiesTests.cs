using System.Net;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

[Collection(DefaultHostGroup.Name)]
public sealed class PropertiesTests(DefaultHostFixture fixture)
{
    private DockingHost Host => fixture.Host;

    [Fact]
    public async Task Aspirin_has_its_textbook_properties()
    {
        var (response, body) = await Host.PostAsync("/properties", new { molecule = "CC(=O)Oc1ccccc1C(=O)O" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("C9H8O4", body["formula"]!.GetValue<string>());
        Assert.Equal(180.16, body["molecularWeight"]!.GetValue<double>(), 2);
        Assert.Equal(13, body["heavyAtoms"]!.GetValue<int>());
        Assert.Equal(1, body["hydrogenBondDonors"]!.GetValue<int>());
        Assert.Equal(63.6, body["tpsa"]!.GetValue<double>(), 1);
        Assert.Equal(0, body["lipinskiViolations"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_large_greasy_molecule_breaks_lipinski_rules_and_a_crystal_sdf_is_read()
    {
        var (_, greasy) = await Host.PostAsync("/properties", new { molecule = "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC(=O)O" });
        Assert.Equal(2, greasy["lipinskiViolations"]!.GetValue<int>());

        var (response, crystal) = await Host.PostAsync("/properties", new { molecule = SharedData.Complex("5X72_P59", "ligand_crystal.sdf"), moleculeFormat = "sdf" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(24, crystal["heavyAtoms"]!.GetValue<int>());
    }
}
