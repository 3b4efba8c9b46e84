using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Pipelines;
using static MolDash.Grains.Tests.Pipelines.PipelineFixtures;

namespace MolDash.Grains.Tests.Pipelines;

public sealed class PipelineFormGeneratorTests
{
    [Fact]
    public void Each_exposed_input_becomes_a_field_shaped_by_its_target()
    {
        var graph = DockingPipeline();
        graph = graph with { Inputs = [graph.Inputs[0] with { Label = "Protein", Description = "The target protein (PDB)." }, graph.Inputs[1], graph.Inputs[2]] };

        var form = PipelineFormGenerator.Generate(graph, Docking);

        Assert.Equal(["receptor", "ligand", "exhaustiveness"], form.Fields.Select(field => field.Name));
        var receptor = form.Fields[0];
        Assert.Equal((FormFieldKind.File, "/receptor", "Protein", "The target protein (PDB).", true, 0), (receptor.Kind, receptor.Pointer, receptor.Label, receptor.Description, receptor.Required, receptor.Order));
        Assert.Equal(["pdb", "pdbqt"], receptor.AcceptedFormats);
        var ligand = form.Fields[1];
        Assert.Equal((FormFieldKind.File, "Ligand", true), (ligand.Kind, ligand.Label, ligand.Required));
        Assert.Equal(["smiles", "sdf", "mol2", "pdb"], ligand.AcceptedFormats);
        Assert.StartsWith("Ligand as text", ligand.Description, StringComparison.Ordinal);
        var exhaustiveness = form.Fields[2];
        Assert.Equal((FormFieldKind.Integer, 1.0, 64.0, "8", false, 2), (exhaustiveness.Kind, exhaustiveness.Minimum, exhaustiveness.Maximum, exhaustiveness.Default?.Json, exhaustiveness.Required, exhaustiveness.Order));
    }

    [Fact]
    public void An_object_input_gets_its_nested_fields_under_the_input_name()
    {
        var graph = DockingPipeline();
        graph = graph with { Inputs = [.. graph.Inputs, Input("box-center", null, ("dock", "/center"))] };

        var field = PipelineFormGenerator.Generate(graph, Docking).Fields[3];

        Assert.Equal((FormFieldKind.Object, "/box-center", "Box center"), (field.Kind, field.Pointer, field.Label));
        Assert.Equal(["/box-center/x", "/box-center/y", "/box-center/z"], field.Fields.Select(nested => nested.Pointer));
    }
}
