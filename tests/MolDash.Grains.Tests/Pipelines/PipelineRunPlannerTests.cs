using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.Grains.Pipelines;
using static MolDash.Grains.Tests.Pipelines.PipelineFixtures;

namespace MolDash.Grains.Tests.Pipelines;

public sealed class PipelineRunPlannerTests
{
    [Fact]
    public void Inputs_and_defaults_are_written_into_the_fixed_parameters_and_edges_become_node_inputs()
    {
        var graph = DockingPipeline();
        graph = graph with { Nodes = [.. graph.Nodes.Take(3), graph.Nodes[3] with { ContinueOnFailure = true }] };

        var (nodes, _, errors) = PipelineRunPlanner.Plan(graph, Docking, """{ "receptor": "artifact:6f1c7f9e-2b1a-4c55-9d0e-0d8f0c1b2a3c", "ligand": "CCO" }""");

        Assert.Empty(errors);
        Assert.Equal(["receptor", "ligand", "dock", "props"], nodes.Select(node => node.Id));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "receptor": "artifact:6f1c7f9e-2b1a-4c55-9d0e-0d8f0c1b2a3c" }"""), JsonNode.Parse(nodes[0].ParametersJson)));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "ligand": "CCO" }"""), JsonNode.Parse(nodes[1].ParametersJson)));
        var dock = JsonNode.Parse(nodes[2].ParametersJson)!;
        Assert.Equal((8, "pdbqt"), (dock["exhaustiveness"]!.GetValue<int>(), dock["ligandFormat"]!.GetValue<string>()));
        Assert.Equal([new NodeInput("receptor", "/pdbqt", "/receptor"), new NodeInput("ligand", "/pdbqt", "/ligand")], nodes[2].Inputs);
        Assert.Equal([new NodeInput("ligand", "/sdf", "/molecule")], nodes[3].Inputs);
        Assert.Equal([false, false, false, true], nodes.Select(node => node.ContinueOnFailure));
        Assert.Equal(("dock", "1.0.0"), (nodes[2].TaskName, nodes[2].TaskVersion));
    }

    [Fact]
    public void A_given_value_replaces_the_default()
    {
        var (nodes, inputs, errors) = PipelineRunPlanner.Plan(DockingPipeline(), Docking, """{ "receptor": "R", "ligand": "L", "exhaustiveness": 32 }""");

        Assert.Empty(errors);
        Assert.Equal(32, JsonNode.Parse(nodes[2].ParametersJson)!["exhaustiveness"]!.GetValue<int>());
        // The inputs the signature hashes: the given value, not the default.
        Assert.Equal(32, inputs!["exhaustiveness"]!.GetValue<int>());
    }

    [Fact]
    public void An_input_into_a_nested_field_creates_the_objects_on_the_way()
    {
        var graph = DockingPipeline();
        graph = graph with { Inputs = [.. graph.Inputs, Input("boxX", null, ("dock", "/size/x"), ("dock", "/center/x"))] };

        var (nodes, _, errors) = PipelineRunPlanner.Plan(graph, Docking, """{ "receptor": "R", "ligand": "L", "boxX": 12.5 }""");

        Assert.Empty(errors);
        var dock = JsonNode.Parse(nodes[2].ParametersJson)!;
        Assert.Equal((12.5, 12.5, 20.0), (dock["size"]!["x"]!.GetValue<double>(), dock["center"]!["x"]!.GetValue<double>(), dock["size"]!["y"]!.GetValue<double>()));
    }

    [Fact]
    public void Unknown_missing_and_unfit_inputs_are_each_reported()
    {
        var (nodes, _, errors) = PipelineRunPlanner.Plan(DockingPipeline(), Docking, """{ "receptor": 5, "exhaustivness": 16, "exhaustiveness": 100 }""");

        Assert.Empty(nodes);
        Assert.Equivalent(new[]
        {
            ("/inputs/exhaustivness", "'exhaustivness' is not an input of this pipeline; its inputs are exhaustiveness, ligand, receptor."),
            ("/inputs/receptor", "Must be a string."),
            ("/inputs/ligand", "Is required: give a value for ligand."),
            ("/inputs/exhaustiveness", "Must be at most 64."),
        }, errors.Select(error => (error.Pointer, error.Message)).ToArray());
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("not json")]
    public void Inputs_that_are_not_an_object_are_refused(string inputs)
    {
        var (nodes, _, errors) = PipelineRunPlanner.Plan(DockingPipeline(), Docking, inputs);

        Assert.Empty(nodes);
        Assert.Equal("/inputs", Assert.Single(errors).Pointer);
    }

    [Fact]
    public void Errors_inside_a_structured_input_point_below_its_name()
    {
        var graph = DockingPipeline();
        graph = graph with { Inputs = [.. graph.Inputs, Input("center", null, ("dock", "/center"))] };

        var (_, _, errors) = PipelineRunPlanner.Plan(graph, Docking, """{ "receptor": "R", "ligand": "L", "center": { "x": 1, "y": "two", "z": 3 } }""");

        Assert.Equal(("/inputs/center/y", "Must be a number."), (Assert.Single(errors).Pointer, errors[0].Message));
    }

    [Fact]
    public void Defaults_are_applied_for_the_signature()
    {
        var values = PipelineInputs.WithDefaults(DockingPipeline(), Docking, """{ "receptor": "R", "ligand": "L" }""", []);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "receptor": "R", "ligand": "L", "exhaustiveness": 8 }"""), values));
    }

    [Fact]
    public void A_graph_without_inputs_runs_on_an_empty_object()
    {
        var graph = new PipelineGraph { Nodes = [Node("p", "properties", """{ "molecule": "CCO" }""")] };

        var (nodes, _, errors) = PipelineRunPlanner.Plan(graph, Docking, "{}");

        Assert.Empty(errors);
        Assert.Equal("""{"molecule":"CCO"}""", Assert.Single(nodes).ParametersJson);
    }
}
