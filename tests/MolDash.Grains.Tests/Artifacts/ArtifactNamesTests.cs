using MolDash.GrainInterfaces.Errors;
using MolDash.Grains.Artifacts;

namespace MolDash.Grains.Tests.Artifacts;

public sealed class ArtifactNamesTests
{
    [Theory]
    [InlineData("ligand.sdf", "ligand.sdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData(@"C:\Users\ada\receptor.pdb", "receptor.pdb")]
    [InlineData("..hidden.pdb", "hidden.pdb")]
    [InlineData("a..b.pdb", "a.b.pdb")]
    [InlineData("bad\u0000name\u001f.smi", "bad_name_.smi")]
    [InlineData("my file (1).csv", "my file (1).csv")]
    [InlineData("a<b>|c?.sdf", "a_b__c_.sdf")]
    [InlineData("  spaced.mol2  ", "spaced.mol2")]
    public void Names_keep_only_a_safe_last_segment(string given, string expected) =>
        Assert.Equal(expected, ArtifactNames.Sanitize(given));

    [Fact]
    public void Long_names_are_cut_keeping_the_extension()
    {
        var name = ArtifactNames.Sanitize(new string('a', 500) + ".pdbqt");

        Assert.Equal(128, name.Length);
        Assert.EndsWith(".pdbqt", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("dir/")]
    [InlineData(null)]
    public void A_name_with_nothing_left_is_refused(string? given)
    {
        var error = Assert.Throws<MolDashException>(() => ArtifactNames.Sanitize(given));

        Assert.Equal(ErrorKind.Validation, error.Kind);
    }
}
