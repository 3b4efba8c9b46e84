using MolDash.Grains.Pipelines;
using static MolDash.Grains.Tests.Pipelines.PipelineFixtures;

namespace MolDash.Grains.Tests.Pipelines;

public sealed class PlannedRunsTests
{
    private static readonly Guid Org = Guid.Parse("6f1c7f9e-2b1a-4c55-9d0e-0d8f0c1b2a3c");
    private static readonly Guid OtherOrg = Guid.Parse("0a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d");

    private static PlannedRun Planned(string signature) => new([("dock", "docking")], [], [], signature);

    [Fact]
    public void A_plan_is_found_again_only_for_the_same_published_graph_running_org_and_inputs()
    {
        var graph = DockingPipeline();
        var runs = new PlannedRuns(8);
        runs.Add(graph, Org, """{"ligand":"CCO"}""", Planned("a"));

        Assert.True(runs.TryGet(graph, Org, """{"ligand":"CCO"}""", out var found));
        Assert.Equal("a", found.Signature);
        // An equal graph is another version's (or a draft that was published again): only the same object is.
        Assert.False(runs.TryGet(DockingPipeline(), Org, """{"ligand":"CCO"}""", out _));
        // Another org's artifacts are not this org's: a guest of a public pipeline plans its own runs.
        Assert.False(runs.TryGet(graph, OtherOrg, """{"ligand":"CCO"}""", out _));
        Assert.False(runs.TryGet(graph, Org, """{"ligand":"CCC"}""", out _));
    }

    [Fact]
    public void The_oldest_plans_go_first_and_long_inputs_are_not_kept()
    {
        var graph = DockingPipeline();
        var runs = new PlannedRuns(2);
        runs.Add(graph, Org, "1", Planned("1"));
        runs.Add(graph, Org, "2", Planned("2"));
        runs.Add(graph, Org, "3", Planned("3"));
        var inline = "\"" + new string('C', PlannedRuns.MaxInputsLength) + "\"";
        runs.Add(graph, Org, inline, Planned("inline"));

        Assert.False(runs.TryGet(graph, Org, "1", out _));
        Assert.True(runs.TryGet(graph, Org, "2", out _));
        Assert.True(runs.TryGet(graph, Org, "3", out _));
        Assert.False(runs.TryGet(graph, Org, inline, out _));
    }
}
