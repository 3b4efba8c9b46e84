using MolDash.GrainInterfaces.Errors;
using static MolDash.Grains.Tests.Artifacts.MoleculeFiles;

namespace MolDash.Grains.Tests.Artifacts;

/// <summary>PDB, PDBQT, SDF and MOL2: broken files are refused with the line and the reason.</summary>
public sealed class StructureFormatTests
{
    private static readonly string Sdf = Text("1uw6-nct.sdf");

    [Fact]
    public async Task Sdf_with_fewer_atoms_than_its_counts_line_is_refused_at_the_first_wrong_line()
    {
        var lines = Sdf.Split('\n').ToList();
        lines.RemoveAt(10);

        var message = await RefusedAsync(ErrorKind.Validation, string.Join('\n', lines), format: "sdf");

        Assert.Contains("line 16: the counts line announces 12 atoms but atom 12 is not an atom line", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sdf_bond_to_a_missing_atom_is_refused()
    {
        var lines = Sdf.Split('\n');
        lines[16] = " 40  2  1  0";

        var message = await RefusedAsync(ErrorKind.Validation, string.Join('\n', lines), format: "sdf");

        Assert.Contains("line 17: the counts line announces 13 bonds between 12 atoms but bond 1 is not a bond line", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sdf_without_m_end_is_refused()
    {
        var message = await RefusedAsync(ErrorKind.Validation, Sdf.Replace("M  END", "M  XXX", StringComparison.Ordinal), format: "sdf");

        Assert.Contains("the record ends without its 'M  END' line", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sdf_with_several_records_is_accepted_and_a_truncated_last_record_is_refused()
    {
        var two = Sdf + Text("1s63-778-no-version.sdf");
        Assert.Equal("sdf", (await InspectAsync(two)).Format.Name);

        var truncated = two + string.Join('\n', Sdf.Split('\n').Take(8));
        var message = await RefusedAsync(ErrorKind.Validation, truncated);
        Assert.Contains("ends before all its atoms and bonds", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sdf_v3000_with_a_wrong_atom_count_is_refused()
    {
        var text = Text("1uw6-nct-v3000.sdf").Replace("COUNTS 12 13", "COUNTS 11 13", StringComparison.Ordinal);

        var message = await RefusedAsync(ErrorKind.Validation, text);

        Assert.Contains("COUNTS announces 11 atoms but the table holds 12", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdb_atom_without_coordinates_is_refused_with_its_line()
    {
        var lines = Text("1uw6-receptor-part.pdb").Split('\n');
        lines[5] = lines[5][..30] + "  12.x45" + lines[5][38..];

        var message = await RefusedAsync(ErrorKind.Validation, string.Join('\n', lines), "r.pdb");

        Assert.Contains("The file is not valid PDB: line 6: the ATOM record has no x, y, z coordinates in columns 31-54", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdb_without_atoms_is_refused()
    {
        var message = await RefusedAsync(ErrorKind.Validation, "HEADER    TEST\nREMARK   1 nothing here\nEND\n", "r.pdb");

        Assert.Contains("it has no ATOM or HETATM records", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdb_with_a_line_that_is_no_record_is_refused()
    {
        var message = await RefusedAsync(ErrorKind.Validation, Text("1uw6-receptor-part.pdb") + "this is not a record\n", "r.pdb");

        Assert.Contains("line 64: 'this is not a record' is not a PDB record", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdbqt_atom_without_charge_and_type_is_refused()
    {
        var lines = Text("1uw6-nct.pdbqt").Split('\n');
        lines[7] = lines[7][..66];

        var message = await RefusedAsync(ErrorKind.Validation, string.Join('\n', lines), format: "pdbqt");

        Assert.Contains("line 8: the atom has no partial charge and AutoDock type after column 66", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdbqt_with_an_open_branch_is_refused()
    {
        var text = Text("1uw6-nct.pdbqt").Replace("ENDBRANCH", "REMARK", StringComparison.Ordinal);

        var message = await RefusedAsync(ErrorKind.Validation, text, format: "pdbqt");

        Assert.Contains("a BRANCH is not closed", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mol2_with_fewer_atoms_than_announced_is_refused()
    {
        var text = Text("1uw6-nct.mol2").Replace(" 12 13 0 0 0", " 14 13 0 0 0", StringComparison.Ordinal);

        var message = await RefusedAsync(ErrorKind.Validation, text);

        Assert.Contains("@<TRIPOS>MOLECULE announces 14 atoms but the ATOM section holds 12", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mol2_bond_to_a_missing_atom_is_refused()
    {
        var text = Text("1uw6-nct.mol2").Replace("     1     1     2   ar", "     1     1    99   ar", StringComparison.Ordinal);

        var message = await RefusedAsync(ErrorKind.Validation, text);

        Assert.Contains("a bond needs an id, two atom ids from 1 to 12", message, StringComparison.Ordinal);
    }
}
