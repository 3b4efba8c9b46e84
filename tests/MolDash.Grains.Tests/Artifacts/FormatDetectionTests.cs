using System.Security.Cryptography;
using System.Text;
using MolDash.GrainInterfaces.Errors;
using static MolDash.Grains.Tests.Artifacts.MoleculeFiles;

namespace MolDash.Grains.Tests.Artifacts;

public sealed class FormatDetectionTests
{
    [Theory]
    [InlineData("1uw6-nct.sdf", "sdf")]
    [InlineData("1s63-778-no-version.sdf", "sdf")]
    [InlineData("1uw6-nct-v3000.sdf", "sdf")]
    [InlineData("1uw6-nct.mol2", "mol2")]
    [InlineData("1uw6-nct.pdbqt", "pdbqt")]
    [InlineData("1uw6-receptor-part.pdbqt", "pdbqt")]
    [InlineData("1uw6-receptor-part.pdb", "pdb")]
    [InlineData("ligands.smi", "smiles")]
    [InlineData("ligands-small.csv", "csv")]
    public async Task Real_files_are_detected_by_content_whatever_their_name(string file, string format)
    {
        var inspected = await InspectAsync(Text(file), "upload.bin");

        Assert.Equal(format, inspected.Format.Name);
    }

    [Theory]
    [InlineData("1uw6-nct.sdf", "SDF")]
    [InlineData("1uw6-nct.sdf", "mol")]
    [InlineData("1uw6-nct.mol2", "mol2")]
    [InlineData("1uw6-nct.pdbqt", "pdbqt")]
    [InlineData("1uw6-receptor-part.pdb", "pdb")]
    [InlineData("ligands.smi", "smi")]
    [InlineData("ligands-small.csv", "csv")]
    public async Task A_declared_format_is_accepted_when_the_file_is_valid(string file, string declared)
    {
        var inspected = await InspectAsync(Text(file), file, declared);

        Assert.Equal(declared.ToUpperInvariant() switch { "MOL" => "sdf", "SMI" => "smiles", var other => other.ToLowerInvariant() }, inspected.Format.Name);
    }

    [Fact]
    public async Task The_checksum_and_size_are_of_the_bytes_read()
    {
        var bytes = Encoding.UTF8.GetBytes(Text("1uw6-nct.sdf"));

        var inspected = await InspectAsync(bytes);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), inspected.Sha256);
        Assert.Equal(bytes.Length, inspected.SizeBytes);
    }

    [Fact]
    public async Task Windows_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var text = "\uFEFF" + Text("1uw6-nct.sdf").Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.Equal("sdf", (await InspectAsync(text)).Format.Name);
    }

    [Fact]
    public async Task A_declared_format_wins_over_detection_and_is_still_checked()
    {
        var message = await RefusedAsync(ErrorKind.Validation, Text("ligands.smi"), "ligands.smi", "sdf");

        Assert.StartsWith("The file is not valid SDF: line 4:", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_content_is_415_listing_the_supported_formats()
    {
        var message = await RefusedAsync(ErrorKind.UnsupportedMediaType, "Hello, this is a letter.\nNot a molecule.\n", "notes.txt");

        Assert.Contains("supported formats: mol2, sdf, pdbqt, pdb, csv, smiles", message, StringComparison.Ordinal);
        Assert.Contains("notes.txt", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_declared_format_is_415()
    {
        var message = await RefusedAsync(ErrorKind.UnsupportedMediaType, Text("1uw6-nct.sdf"), format: "xyz");

        Assert.Contains("'xyz' is not a supported format", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_file_with_a_known_extension_is_reported_as_broken_not_unknown()
    {
        var message = await RefusedAsync(ErrorKind.Validation, "NCT\n header\n\n garbage counts\n", "ligand.sdf");

        Assert.StartsWith("The file is not valid SDF: line 4:", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nul_bytes_are_not_a_text_molecule_file()
    {
        var error = await Assert.ThrowsAsync<MolDashException>(() => InspectAsync([0x41, 0x54, 0x4F, 0x4D, 0x00, 0x01, 0x02], "x.pdb"));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Contains("not a text molecule file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_is_not_a_text_molecule_file()
    {
        var error = await Assert.ThrowsAsync<MolDashException>(() => InspectAsync([0x43, 0x43, 0xC3, 0x28, 0x0A], "x.smi"));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_422()
    {
        var error = await Assert.ThrowsAsync<MolDashException>(() => InspectAsync([], "x.sdf"));

        Assert.Equal((ErrorKind.Validation, "The file is empty."), (error.Kind, error.Message));
    }

    [Fact]
    public async Task A_file_past_the_limit_is_413_naming_the_limit()
    {
        var error = await Assert.ThrowsAsync<MolDashException>(() => InspectAsync(Text("1uw6-receptor-part.pdb"), maxBytes: 100));

        Assert.Equal(ErrorKind.PayloadTooLarge, error.Kind);
        Assert.Equal("The file is larger than 100 bytes: the test limit.", error.Message);
    }
}
