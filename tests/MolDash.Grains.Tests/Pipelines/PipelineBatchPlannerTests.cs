using MolDash.GrainInterfaces.Jobs;
using MolDash.Grains.Pipelines;
using static MolDash.Grains.Tests.Pipelines.PipelineFixtures;

namespace MolDash.Grains.Tests.Pipelines;

public sealed class PipelineBatchPlannerTests
{
    private static readonly string[] Ligands = ["CCO", "c1ccccc1", "CC(=O)O"];
    private static readonly string[] Receptors = ["R1", "R2"];

    [Fact]
    public void A_step_the_same_for_every_item_runs_once_and_the_others_run_per_item()
    {
        var items = Ligands
            .Select(ligand => PipelineRunPlanner.Plan(DockingPipeline(), Docking, $$"""{ "receptor": "R", "ligand": "{{ligand}}" }""").Nodes)
            .ToList();

        var nodes = PipelineBatchPlanner.Plan(items);

        Assert.Equal(
            ["receptor", "item-0.ligand", "item-0.dock", "item-0.props", "item-1.ligand", "item-1.dock", "item-1.props", "item-2.ligand", "item-2.dock", "item-2.props"],
            nodes.Select(node => node.Id));
        Assert.Null(nodes[0].Item);
        Assert.Equal([0, 0, 0, 1, 1, 1, 2, 2, 2], nodes.Skip(1).Select(node => node.Item!.Value));
        Assert.All(nodes, node => Assert.True(node.ContinueOnFailure));
        var dock = nodes.Single(node => node.Id == "item-1.dock");
        Assert.Equal([new NodeInput("receptor", "/pdbqt", "/receptor"), new NodeInput("item-1.ligand", "/pdbqt", "/ligand")], dock.Inputs);
    }

    [Fact]
    public void A_step_downstream_of_a_per_item_step_is_per_item_even_when_its_own_parameters_are_the_same()
    {
        var items = Receptors
            .Select(receptor => PipelineRunPlanner.Plan(DockingPipeline(), Docking, $$"""{ "receptor": "{{receptor}}", "ligand": "CCO" }""").Nodes)
            .ToList();

        var nodes = PipelineBatchPlanner.Plan(items);

        // The ligand is shared; dock (same parameters, but a per-item receptor upstream) is per item.
        Assert.Contains(nodes, node => node.Id == "ligand" && node.Item is null);
        Assert.Contains(nodes, node => node.Id == "props" && node.Item is null);
        Assert.Equal(["item-0.dock", "item-1.dock"], nodes.Where(node => node.TaskName == "dock").Select(node => node.Id));
    }

    [Fact]
    public void A_single_item_keeps_all_its_steps_as_its_own()
    {
        var item = PipelineRunPlanner.Plan(DockingPipeline(), Docking, """{ "receptor": "R", "ligand": "CCO" }""").Nodes;

        var nodes = PipelineBatchPlanner.Plan([item]);

        Assert.Equal(["item-0.receptor", "item-0.ligand", "item-0.dock", "item-0.props"], nodes.Select(node => node.Id));
        Assert.All(nodes, node => Assert.Equal(0, node.Item));
    }
}
