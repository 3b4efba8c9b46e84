using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.Grains.Pipelines;
using static MolDash.Grains.Tests.Pipelines.PipelineFixtures;

namespace MolDash.Grains.Tests.Pipelines;

public sealed class PipelineValidatorTests
{
    private static List<FieldError> Validate(PipelineGraph graph, bool allowDeprecated = false) =>
        PipelineValidator.Validate(graph, Docking, allowDeprecated: allowDeprecated);

    private static FieldError Only(List<FieldError> errors, string pointer)
    {
        var matching = errors.Where(error => error.Pointer == pointer).ToList();
        Assert.True(matching.Count == 1, $"Expected one error at {pointer}; got: {string.Join(" | ", errors.Select(e => $"{e.Pointer}: {e.Message}"))}");
        return matching[0];
    }

    private static PipelineGraph WithNode(int index, Func<PipelineNode, PipelineNode> change)
    {
        var graph = DockingPipeline();
        return graph with { Nodes = [.. graph.Nodes.Select((node, i) => i == index ? change(node) : node)] };
    }

    [Fact]
    public void The_docking_pipeline_wired_right_validates_clean()
    {
        Assert.Empty(Validate(DockingPipeline()));
    }

    [Fact]
    public void An_empty_graph_needs_a_node()
    {
        var error = Assert.Single(Validate(new PipelineGraph()));
        Assert.Equal("/nodes", error.Pointer);
    }

    [Fact]
    public void Too_many_nodes_are_refused()
    {
        var error = Assert.Single(PipelineValidator.Validate(DockingPipeline(), Docking, maxNodes: 3));
        Assert.Equal("/nodes", error.Pointer);
        Assert.Contains("at most 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_and_duplicate_node_ids_are_reported()
    {
        var graph = DockingPipeline();
        graph = graph with { Nodes = [graph.Nodes[0], graph.Nodes[1] with { Id = "has space" }, graph.Nodes[2], graph.Nodes[3] with { Id = "dock" }] };

        var errors = Validate(graph);

        Assert.Contains("1 to 64", Only(errors, "/nodes/1/id").Message, StringComparison.Ordinal);
        Assert.Contains("already used by /nodes/2", Only(errors, "/nodes/3/id").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_version_missing_from_the_registry_is_reported()
    {
        var error = Only(Validate(WithNode(2, node => node with { TaskVersion = "7.0.0" })), "/nodes/2/taskVersion");
        Assert.Contains("no task 'dock' version '7.0.0'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deprecated_task_version_is_an_error_for_drafts_only()
    {
        var graph = WithNode(2, node => node with { TaskVersion = "0.9.0" });

        Assert.Contains("deprecated", Only(Validate(graph), "/nodes/2/taskVersion").Message, StringComparison.Ordinal);
        Assert.Empty(Validate(graph, allowDeprecated: true));
    }

    [Fact]
    public void A_draft_task_version_cannot_be_pinned()
    {
        var error = Only(Validate(WithNode(2, node => node with { TaskVersion = "1.1.0-rc" }), allowDeprecated: true), "/nodes/2/taskVersion");
        Assert.Contains("draft", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("{ nope", "not valid JSON")]
    public void Parameters_that_are_not_a_json_object_are_reported(string parameters, string message)
    {
        var error = Only(Validate(WithNode(3, node => node with { ParametersJson = parameters })), "/nodes/3/parametersJson");
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_are_checked_against_the_task_input_schema()
    {
        var errors = Validate(WithNode(2, node => node with { ParametersJson = """{ "receptorFormat": "pdbqt", "ligandFormat": "pdbqt", "exhaustivness": 16, "numModes": "nine" }""" }));

        Assert.Equal("Is not an input of this task.", Only(errors, "/nodes/2/parametersJson/exhaustivness").Message);
        Assert.Equal("Must be an integer.", Only(errors, "/nodes/2/parametersJson/numModes").Message);
    }

    [Fact]
    public void A_required_input_given_by_nothing_is_reported()
    {
        var graph = DockingPipeline();
        graph = graph with { Inputs = [.. graph.Inputs.Where(input => input.Name != "receptor")] };

        var error = Only(Validate(graph), "/nodes/0/parametersJson/receptor");

        Assert.Contains("required input /receptor of 'receptor' (prepare-receptor 1.0.0) is not given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_field_inside_a_fixed_object_counts_as_given_when_an_edge_fills_it()
    {
        var source = Spec("src", AnyInput, """{ "type": "object", "required": ["x"], "properties": { "x": { "type": "number" } } }""");
        var target = Spec("dst", """{ "type": "object", "required": ["box"], "properties": { "box": { "type": "object", "required": ["x", "y"], "properties": { "x": { "type": "number" }, "y": { "type": "number" } } } } }""", """{ "type": "object" }""");
        var graph = new PipelineGraph { Nodes = [Node("a", "src"), Node("b", "dst", """{ "box": { "y": 1 } }""")], Edges = [Edge("a", "/x", "b", "/box/x")] };

        Assert.Empty(PipelineValidator.Validate(graph, TasksOf(source, target)));
    }

    [Fact]
    public void Edges_naming_unknown_nodes_or_their_own_node_are_reported()
    {
        var graph = DockingPipeline();
        graph = graph with { Edges = [.. graph.Edges, Edge("ghost", "/pdbqt", "dock", "/receptor"), Edge("dock", "", "nowhere", "/x"), Edge("props", "/formula", "props", "/molecule")] };

        var errors = Validate(graph);

        Assert.Contains("no node 'ghost'", Only(errors, "/edges/3/fromNode").Message, StringComparison.Ordinal);
        Assert.Contains("no node 'nowhere'", Only(errors, "/edges/4/toNode").Message, StringComparison.Ordinal);
        Assert.Contains("to itself", Only(errors, "/edges/5/toNode").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_pointer_the_source_does_not_produce_is_reported()
    {
        var graph = DockingPipeline();
        graph = graph with { Edges = [Edge("receptor", "/pdbqtt", "dock", "/receptor"), .. graph.Edges.Skip(1)] };

        var error = Only(Validate(graph), "/edges/0/fromPointer");

        Assert.Contains("has no field /pdbqtt; its fields are pdbqt, chains", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_pointer_that_is_not_a_field_of_the_target_is_reported()
    {
        var graph = DockingPipeline();
        graph = graph with { Edges = [Edge("receptor", "/pdbqt", "dock", "/receptr"), .. graph.Edges.Skip(1)] };

        var error = Only(Validate(graph), "/edges/0/toPointer");

        Assert.Contains("/receptr is not an input field of 'dock' (dock 1.0.0)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pointers_into_arrays_and_nested_outputs_resolve()
    {
        var graph = DockingPipeline();
        graph = graph with
        {
            Nodes = [.. graph.Nodes, Node("pose", "properties", """{ "moleculeFormat": "sdf" }""")],
            Edges = [.. graph.Edges, Edge("dock", "/results/0/poses/0/sdf", "pose", "/molecule")],
        };

        Assert.Empty(Validate(graph));
    }

    [Fact]
    public void A_file_of_a_format_the_input_does_not_accept_is_refused_with_the_reason()
    {
        var graph = DockingPipeline();
        graph = graph with { Edges = [.. graph.Edges.Take(2), Edge("ligand", "/pdbqt", "props", "/molecule")] };

        var error = Only(Validate(graph), "/edges/2");

        Assert.Contains("the output is a pdbqt file; the input accepts smiles, sdf, mol2, pdb only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_input_whose_format_field_says_another_format_is_reported()
    {
        var errors = Validate(WithNode(2, node => node with { ParametersJson = """{ "receptorFormat": "pdbqt", "center": { "x": 1, "y": 2, "z": 3 }, "size": { "x": 20, "y": 20, "z": 20 } }""" }));

        var error = Only(errors, "/edges/1");
        Assert.Contains("its /ligandFormat is 'smiles' (the default): fix /ligandFormat to \"pdbqt\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "type": "integer" }""", """{ "type": "number" }""", null)]
    [InlineData("""{ "type": "number" }""", """{ "type": "integer" }""", "the output is a number, which may have a fraction; the input takes integers only")]
    [InlineData("""{ "type": "string" }""", """{ "type": "integer" }""", "the output is a string; the input takes an integer")]
    [InlineData("""{ "type": "integer", "format": "int64" }""", """{ "type": "integer", "format": "int32" }""", "the output has format int64; the input takes format int32")]
    [InlineData("""{ "type": "integer", "format": "int32" }""", """{ "type": "integer", "format": "int64" }""", null)]
    [InlineData("""{ "type": "string" }""", """{ "type": "string", "format": "date-time" }""", "the output is a string of any format; the input takes format date-time only")]
    [InlineData("""{ "type": "string", "enum": ["vina"] }""", """{ "type": "string", "enum": ["vina", "vinardo"] }""", null)]
    [InlineData("""{ "type": "string", "enum": ["vina", "ad4"] }""", """{ "type": "string", "enum": ["vina", "vinardo"] }""", "the output may be \"ad4\", which the input does not accept")]
    [InlineData("""{ "type": "string" }""", """{ "type": "string", "enum": ["vina"] }""", "the output may be any string; the input accepts only [\"vina\"]")]
    [InlineData("""{ "type": "number", "nullable": true }""", """{ "type": "number" }""", "the output may be null; the input does not accept null")]
    [InlineData("""{ "type": "object", "properties": { "x": { "type": "number" } } }""", """{ "type": "object", "required": ["x"], "properties": { "x": { "type": "number" } } }""", "the input requires /x, which the output does not always give")]
    [InlineData("""{ "type": "object", "properties": { "y": { "type": "number" } } }""", """{ "type": "object", "required": ["x"], "properties": { "x": { "type": "number" } } }""", "the input requires /x, which the output does not have")]
    [InlineData("""{ "type": "object", "properties": { "x": { "type": "string" } } }""", """{ "type": "object", "properties": { "x": { "type": "number" } } }""", "the output at /x is a string; the input takes a number")]
    [InlineData("""{ "type": "object", "properties": { "x": { "type": "number" }, "extra": { "type": "number" } } }""", """{ "type": "object", "additionalProperties": false, "properties": { "x": { "type": "number" } } }""", "the output has /extra, which the input does not accept")]
    [InlineData("""{ "type": "array", "items": { "type": "integer" } }""", """{ "type": "array", "items": { "type": "number" } }""", null)]
    [InlineData("""{ "type": "array", "items": { "type": "array", "items": { "type": "number" } } }""", """{ "type": "array", "items": { "type": "array", "items": { "type": "integer" } } }""", "the output at /-/- is a number, which may have a fraction")]
    [InlineData("""{ "type": "string", "x-moldash-file": { "accept": ["sdf"] } }""", """{ "type": "string", "x-moldash-file": { "accept": ["sdf", "mol2"] } }""", null)]
    [InlineData("""{ "type": "string", "x-moldash-file": { "accept": ["sdf", "pdb"] } }""", """{ "type": "string", "x-moldash-file": { "accept": ["sdf", "mol2"] } }""", "the output is a pdb file; the input accepts sdf, mol2 only")]
    [InlineData("""{ "description": "untyped" }""", """{ "type": "string" }""", "the output declares no type, so it cannot be shown to be a string")]
    public void Each_edge_is_checked_for_schema_compatibility(string output, string input, string? reason)
    {
        var source = Spec("src", AnyInput, $$"""{ "type": "object", "required": ["v"], "properties": { "v": {{output}} } }""");
        var target = Spec("dst", $$"""{ "type": "object", "properties": { "v": {{input}} } }""", """{ "type": "object" }""");
        var graph = new PipelineGraph { Nodes = [Node("a", "src"), Node("b", "dst")], Edges = [Edge("a", "/v", "b", "/v")] };

        var errors = PipelineValidator.Validate(graph, TasksOf(source, target));

        if (reason is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            var error = Assert.Single(errors);
            Assert.Equal("/edges/0", error.Pointer);
            Assert.Contains("The output /v of 'a' (src 1.0.0) does not fit the input /v of 'b' (dst 1.0.0)", error.Message, StringComparison.Ordinal);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Two_edges_or_inputs_filling_the_same_field_are_reported()
    {
        var graph = DockingPipeline();
        graph = graph with
        {
            Edges = [.. graph.Edges, Edge("ligand", "/pdbqt", "dock", "/ligand")],
            Inputs = [.. graph.Inputs, Input("dockReceptor", null, ("dock", "/receptor"))],
        };

        var errors = Validate(graph);

        Assert.Contains("already filled by edge 1", Only(errors, "/edges/3/toPointer").Message, StringComparison.Ordinal);
        Assert.Contains("already filled by edge 0", Only(errors, "/inputs/3/targets/0/pointer").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_is_named_node_by_node()
    {
        var task = Spec("pass", """{ "type": "object", "properties": { "v": { "type": "string" } } }""", """{ "type": "object", "required": ["v"], "properties": { "v": { "type": "string" } } }""");
        var graph = new PipelineGraph
        {
            Nodes = [Node("a", "pass"), Node("b", "pass"), Node("c", "pass")],
            Edges = [Edge("a", "/v", "b", "/v"), Edge("b", "/v", "c", "/v"), Edge("c", "/v", "a", "/v")],
        };

        var error = Assert.Single(PipelineValidator.Validate(graph, TasksOf(task)));

        Assert.Equal("/edges/2", error.Pointer);
        Assert.Contains("cycle: a → b → c → a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_node_disconnected_from_the_rest_is_reported()
    {
        var graph = DockingPipeline();
        graph = graph with { Nodes = [.. graph.Nodes, Node("alone", "properties", """{ "molecule": "CCO" }""")] };

        var error = Assert.Single(Validate(graph));

        Assert.Equal("/nodes/4", error.Pointer);
        Assert.Contains("'alone' is not connected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_shared_by_two_branches_connects_them()
    {
        var graph = new PipelineGraph
        {
            Nodes = [Node("a", "properties"), Node("b", "properties")],
            Inputs = [Input("molecule", null, ("a", "/molecule"), ("b", "/molecule"))],
        };

        Assert.Empty(Validate(graph));
    }

    [Fact]
    public void Exposed_inputs_need_valid_unique_names_and_targets_that_exist()
    {
        var graph = DockingPipeline();
        graph = graph with
        {
            Inputs =
            [
                .. graph.Inputs,
                Input("bad name", "1", ("dock", "/seed")),
                Input("ligand", "1", ("dock", "/numModes")),
                Input("ghost", "1", ("nobody", "/x")),
                Input("wrongField", "1", ("dock", "/seeed")),
                Input("noTargets", "1"),
            ],
        };

        var errors = Validate(graph);

        Assert.Contains("1 to 64", Only(errors, "/inputs/3/name").Message, StringComparison.Ordinal);
        Assert.Contains("already used by /inputs/1", Only(errors, "/inputs/4/name").Message, StringComparison.Ordinal);
        Assert.Contains("no node 'nobody'", Only(errors, "/inputs/5/targets/0/nodeId").Message, StringComparison.Ordinal);
        Assert.Contains("/seeed is not an input field", Only(errors, "/inputs/6/targets/0/pointer").Message, StringComparison.Ordinal);
        Assert.Contains("at least one target", Only(errors, "/inputs/7/targets").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100", "/inputs/2/defaultJson", "The default does not fit /exhaustiveness of 'dock': Must be at most 64.")]
    [InlineData("eight", "/inputs/2/defaultJson", "The default is not valid JSON")]
    public void An_exposed_input_default_must_fit_its_target(string defaultJson, string location, string message)
    {
        var graph = DockingPipeline();
        graph = graph with { Inputs = [graph.Inputs[0], graph.Inputs[1], graph.Inputs[2] with { DefaultJson = defaultJson }] };

        Assert.StartsWith(message, Only(Validate(graph), location).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var graph = DockingPipeline();
        graph = graph with
        {
            Nodes = [graph.Nodes[0], graph.Nodes[1] with { TaskVersion = "9.9.9" }, graph.Nodes[2] with { ParametersJson = """{ "receptorFormat": "pdbqt", "ligandFormat": "pdbqt", "cpu": 0 }""" }, graph.Nodes[3]],
            Edges = [Edge("receptor", "/nope", "dock", "/receptor"), Edge("dock", "/succeeded", "props", "/molecule")],
            Inputs = [graph.Inputs[0], Input("exhaustiveness", "\"high\"", ("dock", "/exhaustiveness"))],
        };

        var pointers = Validate(graph).Select(error => error.Pointer).ToHashSet();

        Assert.Superset(
            new HashSet<string> { "/nodes/1/taskVersion", "/nodes/2/parametersJson/cpu", "/edges/0/fromPointer", "/edges/1", "/inputs/1/defaultJson" },
            pointers);
    }

    [Fact]
    public void A_200_node_chain_validates_quickly()
    {
        var graph = new PipelineGraph
        {
            Nodes = [.. Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? Node($"n{i}", "prepare-ligand", """{ "ligand": "CCO" }""") : Node($"n{i}", "properties", """{ "moleculeFormat": "sdf" }"""))],
            Edges = [.. Enumerable.Range(1, 199).Where(i => i % 2 == 1).Select(i => Edge($"n{i - 1}", "/sdf", $"n{i}", "/molecule"))],
        };
        PipelineValidator.Validate(graph, Docking);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var errors = PipelineValidator.Validate(graph, Docking);

        Assert.True(clock.ElapsedMilliseconds < 500, $"took {clock.ElapsedMilliseconds} ms");
        Assert.All(errors, error => Assert.Contains("not connected", error.Message, StringComparison.Ordinal));
    }
}
