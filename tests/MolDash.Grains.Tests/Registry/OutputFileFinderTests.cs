using System.Text.Json.Nodes;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Tests.Registry;

public sealed class OutputFileFinderTests
{
    private static readonly string DockingDocument = TaskDocuments.Docking();

    [Fact]
    public void The_docking_outputs_files_are_found_through_references_and_arrays()
    {
        var dock = TaskDocumentLoader.Load(DockingDocument, "dock").Contract!;
        var ligand = TaskDocumentLoader.Load(DockingDocument, "prepareLigand").Contract!;

        Assert.Equal(
            [new OutputFileField("/results/*/poses/*/sdf", "sdf"), new OutputFileField("/results/*/poses/*/pdbqt", "pdbqt")],
            dock.OutputFiles.Where(field => field.Pattern.Contains("poses", StringComparison.Ordinal)));
        Assert.Contains(new OutputFileField("/pdbqt", "pdbqt"), ligand.OutputFiles);
        Assert.Contains(new OutputFileField("/sdf", "sdf"), ligand.OutputFiles);
    }

    [Fact]
    public void Every_file_of_a_concrete_output_is_extracted_with_its_pointer()
    {
        var fields = new[] { new OutputFileField("/results/*/poses/*/sdf", "sdf") };
        var output = JsonNode.Parse("""
            { "results": [ { "poses": [ { "sdf": "A" }, { "sdf": "B" } ] }, { "poses": [] }, { "poses": [ { "sdf": "" } ] } ] }
            """);

        var files = OutputFileFinder.Extract(output, fields).ToList();

        Assert.Equal([("/results/0/poses/0/sdf", "sdf", "A"), ("/results/0/poses/1/sdf", "sdf", "B")], files);
    }
}
