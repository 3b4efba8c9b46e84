using MolDash.GrainInterfaces.Pipelines;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Pipelines;
using MolDash.Grains.Registry;

namespace MolDash.Bench.Pipelines;

/// <summary>
/// The 200-node graphs the validation benchmark checks, each valid (so every rule runs to the end): on the
/// docking service's real document, plus two small synthetic tasks where the docking tasks cannot make a shape.
/// </summary>
public static class ValidationGraphs
{
    public const int Size = 200;

    /// <summary>Collects one score per docking under its node id (an object of numbers), so any number of docks can fan in.</summary>
    private const string CollectInput = """{ "type": "object", "required": ["scores"], "properties": { "scores": { "type": "object", "additionalProperties": { "type": "number", "format": "double", "nullable": true } } } }""";
    private const string CollectOutput = """{ "type": "object", "properties": { "best": { "type": "string" } } }""";
    private const string MixInput = """{ "type": "object", "properties": { "a": { "type": "number" }, "b": { "type": "number" }, "c": { "type": "number" }, "weight": { "type": "integer", "format": "int32", "minimum": 0, "maximum": 10 } } }""";
    private const string MixOutput = """{ "type": "object", "required": ["v"], "properties": { "v": { "type": "number", "format": "double" } } }""";

    public static Dictionary<string, PipelineTask> Tasks(string dockingDocument)
    {
        var tasks = new Dictionary<string, PipelineTask>(StringComparer.Ordinal);
        void Add(string name, string document, string? operationId)
        {
            var result = TaskDocumentLoader.Load(document, operationId);
            var contract = result.Contract ?? throw new InvalidOperationException($"{name}: {string.Join("; ", result.Errors.Select(error => $"{error.Pointer} {error.Message}"))}");
            var task = new PipelineTask(name, "1.0.0", TaskDefinitionStatus.Published, contract, name, "bench");
            tasks[task.Key] = task;
        }

        Add("prepare-receptor", dockingDocument, "prepareReceptor");
        Add("prepare-ligand", dockingDocument, "prepareLigand");
        Add("dock", dockingDocument, "dock");
        Add("properties", dockingDocument, "properties");
        Add("collect", Synthetic("collect", CollectInput, CollectOutput), null);
        Add("mix", Synthetic("mix", MixInput, MixOutput), null);
        return tasks;
    }

    /// <summary>prepare-ligand → properties → prepare-ligand → … (each SMILES back into the next preparation).</summary>
    public static PipelineGraph Chain()
    {
        var nodes = Enumerable.Range(0, Size).Select(i => i % 2 == 0
            ? Node($"prepare{i}", "prepare-ligand", "{}")
            : Node($"properties{i}", "properties", """{ "moleculeFormat": "sdf" }""")).ToList();
        var edges = Enumerable.Range(1, Size - 1).Select(i => i % 2 == 1
            ? Edge(nodes[i - 1].Id, "/sdf", nodes[i].Id, "/molecule")
            : Edge(nodes[i - 1].Id, "/canonicalSmiles", nodes[i].Id, "/ligand")).ToList();
        return new PipelineGraph { Nodes = nodes, Edges = edges, Inputs = [Input("ligand", null, (nodes[0].Id, "/ligand"))] };
    }

    /// <summary>One receptor and 99 ligands fan out to 99 dockings, which fan in to one collector.</summary>
    public static PipelineGraph FanOutFanIn()
    {
        const int Docks = (Size - 2) / 2;
        var dockParameters = """{ "receptorFormat": "pdbqt", "ligandFormat": "pdbqt", "center": { "x": 0, "y": 0, "z": 0 }, "size": { "x": 20, "y": 20, "z": 20 } }""";
        var nodes = new List<PipelineNode> { Node("receptor", "prepare-receptor", "{}") };
        var edges = new List<PipelineEdge>();
        for (var i = 0; i < Docks; i++)
        {
            nodes.Add(Node($"ligand{i}", "prepare-ligand", $$"""{ "ligand": "C{{new string('C', i % 20)}}O", "seed": {{i}} }"""));
            nodes.Add(Node($"dock{i}", "dock", dockParameters));
            edges.Add(Edge("receptor", "/pdbqt", $"dock{i}", "/receptor"));
            edges.Add(Edge($"ligand{i}", "/pdbqt", $"dock{i}", "/ligand"));
            edges.Add(Edge($"dock{i}", "/results/0/bestAffinity", "collect", $"/scores/dock{i}"));
        }

        nodes.Add(Node("collect", "collect", "{}"));
        return new PipelineGraph { Nodes = nodes, Edges = edges, Inputs = [Input("receptor", null, ("receptor", "/receptor"))] };
    }

    /// <summary>Each node takes one to three of its fields from random earlier nodes (seeded, so every run checks the same graph).</summary>
    public static PipelineGraph RandomDag(int seed = 42)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, Size).Select(i => Node($"mix{i}", "mix", """{ "weight": 3 }""")).ToList();
        var edges = new List<PipelineEdge>();
        string[] fields = ["/a", "/b", "/c"];
        for (var i = 1; i < Size; i++)
        {
            var count = random.Next(1, Math.Min(i, 3) + 1);
            foreach (var (field, from) in fields.Take(count).Zip(Enumerable.Range(0, i).OrderBy(_ => random.Next()).Take(count)))
            {
                edges.Add(Edge($"mix{from}", "/v", $"mix{i}", field));
            }
        }

        return new PipelineGraph { Nodes = nodes, Edges = edges, Inputs = [Input("weight", "1", ("mix0", "/weight"))] };
    }

    private static string Synthetic(string name, string input, string output) => $$"""
        {
          "openapi": "3.0.3",
          "info": { "title": "{{name}}", "version": "1.0.0" },
          "paths": { "/run": { "post": {
            "operationId": "{{name}}",
            "requestBody": { "required": true, "content": { "application/json": { "schema": {{input}} } } },
            "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": {{output}} } } } }
          } } }
        }
        """;

    private static PipelineNode Node(string id, string task, string parameters) =>
        new() { Id = id, TaskName = task, TaskVersion = "1.0.0", ParametersJson = parameters };

    private static PipelineEdge Edge(string from, string fromPointer, string to, string toPointer) =>
        new() { FromNode = from, FromPointer = fromPointer, ToNode = to, ToPointer = toPointer };

    private static PipelineInput Input(string name, string? defaultJson, params (string Node, string Pointer)[] targets) =>
        new() { Name = name, DefaultJson = defaultJson, Targets = [.. targets.Select(target => new PipelineInputTarget(target.Node, target.Pointer))] };
}
