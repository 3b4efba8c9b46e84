using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Pipelines;
using static MolDash.Grains.Tests.Pipelines.PipelineFixtures;

namespace MolDash.Grains.Tests.Pipelines;

public sealed class InputSignatureTests
{
    private static readonly Guid First = Guid.Parse("6f1c7f9e-2b1a-4c55-9d0e-0d8f0c1b2a3c");
    private static readonly Guid Second = Guid.Parse("0a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d");
    private static readonly Guid Other = Guid.Parse("11111111-2222-4333-8444-555555555555");
    private const string Checksum = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static readonly Dictionary<Guid, string> Checksums = new()
    {
        [First] = Checksum,
        [Second] = Checksum,
        [Other] = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752",
    };

    private static SignatureExplanation Sign(string inputs, PipelineGraph? graph = null, IReadOnlyDictionary<string, PipelineTask>? tasks = null) =>
        InputSignature.Compute(graph ?? DockingPipeline(), tasks ?? Docking, inputs, Checksums);

    [Fact]
    public void The_signature_is_lower_case_hex_sha256_of_the_canonical_json()
    {
        var explanation = Sign($$"""{ "receptor": "artifact:{{First}}", "ligand": "CCO", "exhaustiveness": 8 }""");

        Assert.Matches("^[0-9a-f]{64}$", explanation.Signature);
        Assert.Equal(CanonicalJson.Sha256(explanation.CanonicalJson), explanation.Signature);
        Assert.Equal($$$"""{"inputs":{"exhaustiveness":8,"ligand":"CCO","receptor":"sha256:{{{Checksum}}}"},"pipeline":"{{{explanation.PipelineHash}}}","tasks":{"dock@1.0.0":"hash-dock-1.0.0","prepare-ligand@1.0.0":"hash-prepare-ligand-1.0.0","prepare-receptor@1.0.0":"hash-prepare-receptor-1.0.0","properties@1.0.0":"hash-properties-1.0.0"}}""", explanation.CanonicalJson);
        Assert.Equal(new Dictionary<Guid, string> { [First] = Checksum }, explanation.ArtifactChecksums);
        Assert.Equal(4, explanation.TaskHashes.Count);
    }

    [Fact]
    public void Key_order_and_number_forms_never_change_the_signature()
    {
        var a = Sign("""{ "receptor": "R", "ligand": "CCO", "exhaustiveness": 8, "extra": { "a": 1.50, "b": [1e2, -0.0] } }""");
        var b = Sign("""{ "extra": { "b": [100, 0], "a": 1.5 }, "exhaustiveness": 8.0, "ligand": "CCO", "receptor": "R" }""");

        Assert.Equal(a.Signature, b.Signature);
    }

    [Fact]
    public void The_same_molecule_uploaded_twice_gives_the_same_signature()
    {
        var a = Sign($$"""{ "receptor": "artifact:{{First}}", "ligand": "CCO" }""");
        var b = Sign($$"""{ "receptor": "artifact:{{Second.ToString().ToUpperInvariant()}}", "ligand": "CCO" }""");
        var c = Sign($$"""{ "receptor": "artifact:{{Other}}", "ligand": "CCO" }""");

        Assert.Equal(a.Signature, b.Signature);
        Assert.NotEqual(a.Signature, c.Signature);
    }

    [Fact]
    public void A_batch_signs_each_item_s_artifacts_as_their_checksums_and_never_equals_a_run()
    {
        static string Item(Guid receptor, string ligand) => $$"""{ "receptor": "artifact:{{receptor}}", "ligand": "{{ligand}}", "exhaustiveness": 8 }""";

        var a = InputSignature.ComputeBatch(DockingPipeline(), Docking, [Item(First, "CCO"), Item(First, "CCN")], Checksums);
        var b = InputSignature.ComputeBatch(DockingPipeline(), Docking, [Item(Second, "CCO"), Item(Second, "CCN")], Checksums);
        var reordered = InputSignature.ComputeBatch(DockingPipeline(), Docking, [Item(First, "CCN"), Item(First, "CCO")], Checksums);

        Assert.Equal(a.Signature, b.Signature);
        Assert.NotEqual(a.Signature, reordered.Signature);
        Assert.NotEqual(Sign(Item(First, "CCO")).Signature, InputSignature.ComputeBatch(DockingPipeline(), Docking, [Item(First, "CCO")], Checksums).Signature);
        Assert.Contains($"sha256:{Checksum}", a.CanonicalJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Artifacts_in_fixed_parameters_also_stand_as_their_checksums()
    {
        var graph = DockingPipeline();
        PipelineGraph WithReference(Guid id) => graph with { Nodes = [.. graph.Nodes.Take(3), graph.Nodes[3] with { ParametersJson = $$"""{ "moleculeFormat": "sdf", "reference": ["artifact:{{id}}"] }""" }] };

        var a = Sign("""{ "receptor": "R", "ligand": "L" }""", WithReference(First));
        var b = Sign("""{ "receptor": "R", "ligand": "L" }""", WithReference(Second));

        Assert.Equal(a.PipelineHash, b.PipelineHash);
        Assert.Equal(a.Signature, b.Signature);
        Assert.Equal([First], a.ArtifactChecksums.Keys);
    }

    [Fact]
    public void A_graph_hash_computed_once_signs_every_run_as_the_graph_itself_does()
    {
        var graph = DockingPipeline();
        graph = graph with { Nodes = [.. graph.Nodes.Take(3), graph.Nodes[3] with { ParametersJson = $$"""{ "moleculeFormat": "sdf", "reference": ["artifact:{{Other}}"] }""" }] };
        var graphHash = InputSignature.HashGraph(graph, Checksums);

        foreach (var inputs in new[] { $$"""{ "receptor": "artifact:{{First}}", "ligand": "CCO" }""", """{ "receptor": "R", "ligand": "CCN", "exhaustiveness": 16 }""" })
        {
            var once = InputSignature.Compute(graph, Docking, inputs, Checksums, graphHash);
            var each = Sign(inputs, graph);
            Assert.Equal((each.Signature, each.CanonicalJson, each.PipelineHash), (once.Signature, once.CanonicalJson, once.PipelineHash));
            Assert.Equal(each.ArtifactChecksums, once.ArtifactChecksums);
            Assert.Contains(Other, once.ArtifactChecksums.Keys);
        }
    }

    [Fact]
    public void Different_inputs_give_different_signatures()
    {
        Assert.NotEqual(Sign("""{ "ligand": "CCO" }""").Signature, Sign("""{ "ligand": "CCN" }""").Signature);
        Assert.NotEqual(Sign("""{ "ligand": "CCO" }""").Signature, Sign("""{ "ligand": "CCO", "exhaustiveness": 8 }""").Signature);
        Assert.NotEqual(Sign("""{ "n": 1 }""").Signature, Sign("""{ "n": "1" }""").Signature);
    }

    [Fact]
    public void The_order_of_nodes_edges_and_targets_in_the_graph_does_not_matter_but_their_content_does()
    {
        var graph = DockingPipeline();
        var shuffled = graph with { Nodes = [.. graph.Nodes.Reverse()], Edges = [.. graph.Edges.Reverse()], Inputs = [.. graph.Inputs.Reverse()] };
        var relabelled = graph with { Inputs = [graph.Inputs[0] with { Label = "Protein", Description = "PDB" }, graph.Inputs[1], graph.Inputs[2]] };
        var changed = graph with { Nodes = [.. graph.Nodes.Take(3), graph.Nodes[3] with { ContinueOnFailure = true }] };
        const string inputs = """{ "ligand": "CCO" }""";

        Assert.Equal(Sign(inputs).Signature, Sign(inputs, shuffled).Signature);
        Assert.Equal(Sign(inputs).Signature, Sign(inputs, relabelled).Signature);
        Assert.NotEqual(Sign(inputs).Signature, Sign(inputs, changed).Signature);
    }

    [Fact]
    public void A_new_task_definition_hash_changes_the_signature()
    {
        var tasks = Docking.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        tasks["dock@1.0.0"] = tasks["dock@1.0.0"] with { DefinitionHash = "another" };

        Assert.NotEqual(Sign("{}").Signature, Sign("{}", tasks: tasks).Signature);
    }

    [Fact]
    public void A_missing_checksum_or_task_is_the_caller_s_mistake()
    {
        Assert.Throws<ArgumentException>(() => InputSignature.Compute(DockingPipeline(), Docking, $$"""{ "x": "artifact:{{Guid.NewGuid()}}" }""", Checksums));
        Assert.Throws<ArgumentException>(() => InputSignature.Compute(DockingPipeline(), new Dictionary<string, PipelineTask>(), "{}", Checksums));
    }

    [Fact]
    public void The_task_definition_hash_covers_document_image_and_env_in_any_key_order()
    {
        var deployment = new TaskDeployment { Image = "moldash/docking:1", Env = new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" }, Cpu = 2 };
        var hash = TaskDefinitionHash.Compute("""{ "openapi": "3.0.3", "info": { "version": "1.0" } }""", deployment);

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, TaskDefinitionHash.Compute("""{"info":{"version":"1.0"},"openapi":"3.0.3"}""", deployment with { Env = new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" }, Cpu = 4, Replicas = 3 }));
        Assert.NotEqual(hash, TaskDefinitionHash.Compute("""{ "openapi": "3.0.3", "info": { "version": "1.0" } }""", deployment with { Image = "moldash/docking:2" }));
        Assert.NotEqual(hash, TaskDefinitionHash.Compute("""{ "openapi": "3.0.3", "info": { "version": "1.1" } }""", deployment));
        Assert.NotEqual(hash, TaskDefinitionHash.Compute("""{ "openapi": "3.0.3", "info": { "version": "1.0" } }""", deployment with { Env = new Dictionary<string, string> { ["A"] = "1" } }));
    }
}
