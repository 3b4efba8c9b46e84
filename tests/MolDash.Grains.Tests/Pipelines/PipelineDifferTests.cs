using MolDash.GrainInterfaces.Pipelines;
using MolDash.Grains.Pipelines;
using static MolDash.Grains.Tests.Pipelines.PipelineFixtures;

namespace MolDash.Grains.Tests.Pipelines;

public sealed class PipelineDifferTests
{
    [Fact]
    public void The_same_graph_has_no_differences()
    {
        Assert.Equivalent(new PipelineDiff(), PipelineDiffer.Diff(DockingPipeline(), DockingPipeline()));
    }

    [Fact]
    public void Node_changes_are_described_for_people()
    {
        var before = DockingPipeline();
        var after = before with
        {
            Nodes =
            [
                before.Nodes[0],
                before.Nodes[1] with { ParametersJson = """{ "ph": 7.0, "seed": 7 }""" },
                before.Nodes[2] with { TaskVersion = "1.1.0", ParametersJson = """{ "receptorFormat": "pdbqt", "ligandFormat": "pdbqt", "center": { "x": 1.0, "y": 2, "z": 4 }, "size": { "x": 20, "y": 20, "z": 20 }, "exhaustiveness": 16 }""" },
                before.Nodes[3] with { ContinueOnFailure = true },
            ],
        };
        before = before with
        {
            Nodes =
            [
                before.Nodes[0],
                before.Nodes[1] with { ParametersJson = """{ "ph": 7.4 }""" },
                before.Nodes[2] with { ParametersJson = """{ "receptorFormat": "pdbqt", "ligandFormat": "pdbqt", "center": { "x": 1, "y": 2, "z": 3 }, "size": { "x": 20, "y": 20, "z": 20 }, "exhaustiveness": 8 }""" },
                before.Nodes[3],
            ],
        };

        var diff = PipelineDiffer.Diff(before, after);

        Assert.Equal(["ligand", "dock", "props"], diff.NodesChanged.Select(change => change.NodeId));
        Assert.Equal(["parameter /ph: 7.4 → 7", "parameter /seed added: 7"], diff.NodesChanged[0].Changes);
        Assert.Equal(["task dock 1.0.0 → 1.1.0", "parameter /center/z: 3 → 4", "parameter /exhaustiveness: 8 → 16"], diff.NodesChanged[1].Changes);
        Assert.Equal(["continueOnFailure: false → true"], diff.NodesChanged[2].Changes);
    }

    [Fact]
    public void A_removed_parameter_and_a_changed_task_are_named()
    {
        var before = new PipelineGraph { Nodes = [Node("a", "dock", """{ "seed": 1 }""")] };
        var after = new PipelineGraph { Nodes = [Node("a", "docking", "{}", "2.0.0")] };

        var change = Assert.Single(PipelineDiffer.Diff(before, after).NodesChanged);

        Assert.Equal(["task dock 1.0.0 → docking 2.0.0", "parameter /seed removed (was 1)"], change.Changes);
    }

    [Fact]
    public void Nodes_edges_and_inputs_added_and_removed_are_listed()
    {
        var before = DockingPipeline();
        var after = before with
        {
            Nodes = [.. before.Nodes.Where(node => node.Id != "props"), Node("pose", "properties")],
            Edges = [.. before.Edges.Take(2), Edge("dock", "/results/0/poses/0/sdf", "pose", "/molecule")],
            Inputs = [before.Inputs[0], before.Inputs[1], Input("seed", "42", ("dock", "/seed"))],
        };

        var diff = PipelineDiffer.Diff(before, after);

        Assert.Equal(["pose"], diff.NodesAdded);
        Assert.Equal(["props"], diff.NodesRemoved);
        Assert.Equal([Edge("dock", "/results/0/poses/0/sdf", "pose", "/molecule")], diff.EdgesAdded);
        Assert.Equal([Edge("ligand", "/sdf", "props", "/molecule")], diff.EdgesRemoved);
        Assert.Equal(["seed"], diff.InputsAdded);
        Assert.Equal(["exhaustiveness"], diff.InputsRemoved);
        Assert.Empty(diff.NodesChanged);
    }

    [Fact]
    public void Input_changes_name_the_input_first()
    {
        var before = DockingPipeline();
        var after = before with { Inputs = [before.Inputs[0] with { Label = "Receptor" }, before.Inputs[1], before.Inputs[2] with { DefaultJson = "16", Targets = [new PipelineInputTarget("dock", "/numModes")] }] };

        var diff = PipelineDiffer.Diff(before, after);

        Assert.Equal(["receptor: label (none) → Receptor", "exhaustiveness: targets dock/exhaustiveness → dock/numModes", "exhaustiveness: default 8 → 16"], diff.InputsChanged);
    }

    [Fact]
    public void Equal_numbers_written_differently_are_no_change()
    {
        var before = new PipelineGraph { Nodes = [Node("a", "dock", """{ "ph": 7, "box": { "x": 1e2 } }""")], Inputs = [Input("x", "1.0", ("a", "/x"))] };
        var after = new PipelineGraph { Nodes = [Node("a", "dock", """{ "box": { "x": 100.0 }, "ph": 7.0 }""")], Inputs = [Input("x", "1", ("a", "/x"))] };

        Assert.Equivalent(new PipelineDiff(), PipelineDiffer.Diff(before, after));
    }
}
