using System.Net;
using System.Text.Json.Nodes;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

/// <summary>Every bad input of the issue: 422 ProblemDetails naming the field, and no file left behind.</summary>
[Collection(DefaultHostGroup.Name)]
public sealed class ValidationTests(DefaultHostFixture fixture)
{
    private const string EmptySdf = "empty\n  OpenBabel\n\n  0  0  0  0  0  0  0  0  0  0999 V2000\nM  END\n$$$$\n";

    private DockingHost Host => fixture.Host;

    [Fact]
    public async Task Unparsable_smiles_names_the_ligand_field()
    {
        var problem = await ExpectInvalidAsync("/prepare-ligand", new { ligand = "C1CC(" }, "ligand");
        Assert.Contains("SMILES", FirstError(problem, "ligand"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_pdb_names_the_receptor_field() =>
        await ExpectInvalidAsync("/prepare-receptor", new { receptor = "" }, "receptor");

    [Fact]
    public async Task Pdb_without_atom_records_names_the_receptor_field()
    {
        var problem = await ExpectInvalidAsync("/prepare-receptor", new { receptor = "HEADER    NOTHING HERE\nREMARK 1\nEND\n" }, "receptor");
        Assert.Contains("no ATOM", FirstError(problem, "receptor"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_pdb_names_the_receptor_field_and_the_line()
    {
        var lines = SharedData.Complex("5X72_P59", "receptor.pdb").Split('\n');
        var atom = Array.FindIndex(lines, l => l.StartsWith("ATOM", StringComparison.Ordinal)) + 20;
        var truncated = string.Join('\n', lines.Take(atom)) + "\n" + lines[atom][..40];

        var problem = await ExpectInvalidAsync("/prepare-receptor", new { receptor = truncated }, "receptor");

        Assert.Contains($"line {atom + 1}", FirstError(problem, "receptor"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_pdb_given_as_receptor_pdbqt_names_the_receptor_field() =>
        await ExpectInvalidAsync("/dock", new
        {
            receptor = SharedData.Complex("5X72_P59", "receptor.pdb"),
            ligand = Requests.Nicotine,
            center = new { x = 0, y = 0, z = 0 },
        }, "receptor");

    [Fact]
    public async Task A_molecule_file_with_no_atoms_names_its_field()
    {
        await ExpectInvalidAsync("/prepare-ligand", new { ligand = EmptySdf, ligandFormat = "sdf" }, "ligand");
        await ExpectInvalidAsync("/properties", new { molecule = EmptySdf, moleculeFormat = "sdf" }, "molecule");
    }

    [Fact]
    public async Task A_box_over_the_edge_limit_names_the_axis()
    {
        var receptor = await PreparedReceptors.GetAsync(Host, "1UW6_NCT");
        var (x, y, z) = SharedData.Center("1UW6_NCT");
        var problem = await ExpectInvalidAsync("/dock", new
        {
            receptor,
            ligand = Requests.Nicotine,
            center = new { x, y, z },
            size = new { x = 20, y = 120, z = 20 },
        }, "size.y");
        Assert.Contains("40", FirstError(problem, "size.y"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_box_with_no_receptor_atoms_names_the_center()
    {
        var receptor = await PreparedReceptors.GetAsync(Host, "1UW6_NCT");
        var problem = await ExpectInvalidAsync("/dock", new
        {
            receptor,
            ligand = Requests.Nicotine,
            center = new { x = 500, y = 500, z = 500 },
        }, "center");
        Assert.Contains("no receptor atoms", FirstError(problem, "center"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_rotatable_bonds_names_the_ligand_field()
    {
        var problem = await ExpectInvalidAsync("/prepare-ligand", new { ligand = new string('C', 30) + "O" }, "ligand");
        Assert.Contains("rotatable bonds", FirstError(problem, "ligand"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_names_its_field()
    {
        var problem = await ExpectInvalidAsync("/prepare-receptor", new { receptor = new string('X', DefaultHostFixture.MaxFileBytes + 1) }, "receptor");
        Assert.Contains("limit", FirstError(problem, "receptor"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/prepare-ligand", "ligandFormat", "xyz")]
    [InlineData("/prepare-receptor", "receptorFormat", "cif")]
    [InlineData("/properties", "moleculeFormat", "inchi")]
    public async Task An_unsupported_format_names_the_format_field(string path, string field, string format)
    {
        var body = new JsonObject { [field] = format, [field.Replace("Format", "", StringComparison.Ordinal)] = "CCO" };
        var problem = await ExpectInvalidAsync(path, body, field);
        Assert.Contains(format, FirstError(problem, field), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Boron_which_vina_cannot_score_names_the_ligand_field()
    {
        var problem = await ExpectInvalidAsync("/prepare-ligand", new { ligand = "OB(O)c1ccccc1" }, "ligand");
        Assert.Contains("B", FirstError(problem, "ligand"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_json_types_and_bad_ranges_name_every_field()
    {
        await ExpectInvalidAsync("/dock", new JsonObject { ["exhaustiveness"] = "high" }, "exhaustiveness");

        var problem = await ExpectInvalidAsync("/dock", new
        {
            receptor = "x",
            ligand = "CCO",
            ligands = new[] { new { ligand = "CCO" } },
            exhaustiveness = 0,
            numModes = 50,
            scoring = "ad4",
            cpu = 99,
        }, "ligands");
        foreach (var field in new[] { "exhaustiveness", "numModes", "scoring", "cpu", "center" })
        {
            Assert.NotNull(problem["errors"]![field]);
        }
    }

    [Fact]
    public async Task An_unknown_member_or_a_non_object_body_is_a_422() =>
        await ExpectInvalidAsync("/properties", new { molecule = "CCO", colour = "blue" }, "colour");

    [Fact]
    public async Task A_batch_over_the_limit_names_the_ligands_field()
    {
        var ligands = Enumerable.Range(0, 101).Select(_ => new { ligand = "C" }).ToArray();
        await ExpectInvalidAsync("/dock", new { receptor = "x", ligands, center = new { x = 0, y = 0, z = 0 } }, "ligands");
    }

    private async Task<JsonNode> ExpectInvalidAsync(string path, object body, string field)
    {
        var (response, problem) = await Host.PostAsync(path, body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(422, problem["status"]!.GetValue<int>());
        Assert.True(problem["errors"]?[field] is not null, $"no error for {field} in {problem.ToJsonString()}");
        Assert.Empty(Host.LeftoverFiles());
        return problem;
    }

    private static string FirstError(JsonNode problem, string field) => problem["errors"]![field]![0]!.GetValue<string>();
}
