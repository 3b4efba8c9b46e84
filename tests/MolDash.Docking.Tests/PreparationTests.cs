using System.Net;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

[Collection(DefaultHostGroup.Name)]
public sealed class PreparationTests(DefaultHostFixture fixture)
{
    private DockingHost Host => fixture.Host;

    [Fact]
    public async Task Receptor_preparation_removes_waters_hetero_groups_metals_and_alternate_locations()
    {
        var pdb = SharedData.Complex("5X72_P59", "receptor.pdb").Replace("END\n", "", StringComparison.Ordinal)
            + Hetatm(9001, " O", "HOH", 'W', -18, "O") + Hetatm(9002, "ZN", " ZN", 'Z', -19, "ZN") + Hetatm(9003, " C1", "GOL", 'X', -20, "C");

        var (response, body) = await Host.PostAsync("/prepare-receptor", new { receptor = pdb });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, body["removed"]!["waters"]!.GetValue<int>());
        Assert.Equal(["ZN"], body["removed"]!["metals"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(["GOL"], body["removed"]!["heteroGroups"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(17, body["removed"]!["alternateLocationAtoms"]!.GetValue<int>());
        Assert.Equal(["A"], body["chains"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.DoesNotContain("ZN", body["pdbqt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(body["hydrogensAdded"]!.GetValue<bool>());

        var (kept, keptBody) = await Host.PostAsync("/prepare-receptor", new { receptor = pdb, keepMetals = true, removeWaters = false });
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Empty(keptBody["removed"]!["metals"]!.AsArray());
        Assert.Equal(0, keptBody["removed"]!["waters"]!.GetValue<int>());
        Assert.Equal(body["atoms"]!.GetValue<int>() + 2, keptBody["atoms"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_receptor_without_hydrogens_gets_polar_hydrogens_at_the_ph()
    {
        var heavy = string.Join('\n', SharedData.Complex("1UW6_NCT", "receptor.pdb").Split('\n')
            .Where(l => !(l.StartsWith("ATOM", StringComparison.Ordinal) && l.Length >= 78 && l.Substring(76, 2).Trim() == "H")));

        var (response, body) = await Host.PostAsync("/prepare-receptor", new { receptor = heavy, ph = 7.4 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body["hydrogensAdded"]!.GetValue<bool>());
        Assert.Contains(" HD", body["pdbqt"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ligand_preparation_protonates_at_the_ph_and_reports_the_molecule()
    {
        var (response, body) = await Host.PostAsync("/prepare-ligand", new { ligand = Requests.Nicotine, ph = 7.4 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("C10H15N2+", body["formula"]!.GetValue<string>());
        Assert.Equal(1, body["formalCharge"]!.GetValue<int>());
        Assert.Equal(12, body["heavyAtoms"]!.GetValue<int>());
        Assert.Equal("rdkit-etkdg", body["conformerMethod"]!.GetValue<string>());
        Assert.Contains("TORSDOF", body["pdbqt"]!.GetValue<string>(), StringComparison.Ordinal);

        var (_, neutral) = await Host.PostAsync("/prepare-ligand", new { ligand = Requests.Nicotine, protonate = false });
        Assert.Equal("C10H14N2", neutral["formula"]!.GetValue<string>());
    }

    /// <summary>A HETATM record in the fixed PDB columns.</summary>
    private static string Hetatm(int serial, string name, string residue, char chain, double x, string element) =>
        FormattableString.Invariant($"HETATM{serial,5} {name,-4} {residue,3} {chain}{1,4}    {x,8:F3}{17.0,8:F3}{128.0,8:F3}{1.0,6:F2}{0.0,6:F2}          {element,2}\n");
}
