using System.Net;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

[Collection(DefaultHostGroup.Name)]
public sealed class BatchDockingTests(DefaultHostFixture fixture)
{
    private DockingHost Host => fixture.Host;

    [Fact]
    public async Task A_batch_prepares_the_receptor_once_and_reports_each_ligand_with_its_own_error()
    {
        var (x, y, z) = SharedData.Center("1UW6_NCT");

        var (response, body) = await Host.PostAsync("/dock", new
        {
            receptor = SharedData.Complex("1UW6_NCT", "receptor.pdb"),
            receptorFormat = "pdb",
            ligands = new object[]
            {
                new { id = "nicotine", ligand = Requests.Nicotine },
                new { id = "broken", ligand = "C1CC(" },
                new { id = "phenol", ligand = "Oc1ccccc1" },
            },
            center = new { x, y, z },
            exhaustiveness = 1,
            numModes = 3,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = body["results"]!.AsArray();
        Assert.Equal(["nicotine", "broken", "phenol"], results.Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal("succeeded", results[0]!["status"]!.GetValue<string>());
        Assert.Equal("failed", results[1]!["status"]!.GetValue<string>());
        Assert.Equal("ligands[1].ligand", results[1]!["error"]!["field"]!.GetValue<string>());
        Assert.Contains("SMILES", results[1]!["error"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("succeeded", results[2]!["status"]!.GetValue<string>());
        Assert.InRange(results[2]!["poses"]!.AsArray().Count, 1, 3);
        Assert.Equal(2, body["succeeded"]!.GetValue<int>());
        Assert.Equal(1, body["failed"]!.GetValue<int>());
        Assert.Equal("pdb", body["receptor"]!["preparedFrom"]!.GetValue<string>());
        Assert.Empty(Host.LeftoverFiles());
    }
}
