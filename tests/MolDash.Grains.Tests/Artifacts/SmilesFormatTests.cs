using MolDash.GrainInterfaces.Errors;
using MolDash.Grains.Artifacts.Formats;
using static MolDash.Grains.Tests.Artifacts.MoleculeFiles;

namespace MolDash.Grains.Tests.Artifacts;

public sealed class SmilesFormatTests
{
    [Theory]
    [InlineData("CC(=O)Oc1ccccc1C(=O)O")]
    [InlineData("Cn1cnc2c1c(=O)n(C)c(=O)n2C")]
    [InlineData("CN1CCC[C@H]1c1cccnc1")]
    [InlineData("[NH4+].[Cl-]")]
    [InlineData("[13CH4]")]
    [InlineData("F/C=C/F")]
    [InlineData("C%10CCCCC%10")]
    [InlineData("C=1CCCCC1")]
    [InlineData("[Na+].[O-]C(=O)C")]
    [InlineData("c1ccc2[nH]ccc2c1")]
    [InlineData("[Cu+2]")]
    [InlineData("[O-][n+]1ccccc1")]
    [InlineData("C[Se]C")]
    [InlineData("[CH3:1]O")]
    public void Valid_smiles_pass(string smiles) => Assert.Null(SmilesSyntax.Check(smiles));

    [Theory]
    [InlineData("C1CC", "ring closure 1 is never closed")]
    [InlineData("C(C", "1 branch is not closed")]
    [InlineData("CC)C", "at position 3: ')' closes no branch")]
    [InlineData("C()C", "the branch ends without an atom")]
    [InlineData("[Xx]", "'[Xx]' has no valid element symbol")]
    [InlineData("CXC", "'X' is not an atom outside brackets")]
    [InlineData("CC=", "it ends with a bond")]
    [InlineData("C==C", "at position 3: the bond '=' must follow an atom")]
    [InlineData("C11", "ring closure 1 bonds an atom to itself")]
    [InlineData("(C)C", "a branch must follow an atom")]
    [InlineData("1CC1", "a ring closure must follow its atom directly")]
    [InlineData("C[NH4", "'[' is never closed")]
    [InlineData("C..C", "'.' must separate two molecules")]
    [InlineData("C%1CC%1", "'%' needs a two-digit ring number")]
    [InlineData("[C+a]", "is not a valid bracket atom")]
    [InlineData("CC!", "'!' is not SMILES")]
    public void Invalid_smiles_fail_with_the_reason(string smiles, string reason)
    {
        var error = SmilesSyntax.Check(smiles);

        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_smiles_file_skips_comments_and_blank_lines_and_names_the_bad_line()
    {
        var message = await RefusedAsync(ErrorKind.Validation, "# library\nCCO ethanol\n\nC1CC broken\n", "lib.smi");

        Assert.Equal("The file is not valid SMILES: line 4: 'C1CC' is not valid SMILES: ring closure 1 is never closed.", message);
    }

    [Fact]
    public async Task A_csv_without_a_smiles_column_is_refused()
    {
        var message = await RefusedAsync(ErrorKind.Validation, "name,structure\naspirin,CC(=O)O\n", "lib.csv");

        Assert.Contains("line 1: the header has no \"smiles\" column (found: name, structure)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_row_with_bad_smiles_is_refused_with_its_line()
    {
        var text = MoleculeFiles.Text("ligands-small.csv") + "broken,C(C\n";

        var message = await RefusedAsync(ErrorKind.Validation, text, "lib.csv");

        Assert.Contains("line 26: 'C(C' in the smiles column is not valid SMILES: 1 branch is not closed", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_row_with_the_wrong_number_of_fields_is_refused()
    {
        var message = await RefusedAsync(ErrorKind.Validation, "name,smiles\n\"a, quoted\",CCO\nb,CCO,extra\n", "lib.csv");

        Assert.Contains("line 3: the row has 3 fields where the header has 2", message, StringComparison.Ordinal);
    }
}
