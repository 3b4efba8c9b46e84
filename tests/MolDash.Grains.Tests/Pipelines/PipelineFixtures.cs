using MolDash.GrainInterfaces.Pipelines;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Pipelines;
using MolDash.Grains.Registry;
using MolDash.Grains.Tests.Registry;

namespace MolDash.Grains.Tests.Pipelines;

/// <summary>Task versions from the docking service's real document, hand-written specs, and the docking pipeline wired right.</summary>
public static class PipelineFixtures
{
    private static readonly Lazy<Dictionary<string, PipelineTask>> DockingTasks = new(() =>
    {
        var document = TaskDocuments.Docking();
        var tasks = new Dictionary<string, PipelineTask>(StringComparer.Ordinal);
        void Add(string name, string version, string operationId, TaskDefinitionStatus status = TaskDefinitionStatus.Published)
        {
            var task = new PipelineTask(name, version, status, Load(document, operationId), $"hash-{name}-{version}", "testing");
            tasks[task.Key] = task;
        }

        Add("prepare-receptor", "1.0.0", "prepareReceptor");
        Add("prepare-ligand", "1.0.0", "prepareLigand");
        Add("dock", "1.0.0", "dock");
        Add("dock", "0.9.0", "dock", TaskDefinitionStatus.Deprecated);
        Add("dock", "1.1.0-rc", "dock", TaskDefinitionStatus.Draft);
        Add("properties", "1.0.0", "properties");
        return tasks;
    });

    public static IReadOnlyDictionary<string, PipelineTask> Docking => DockingTasks.Value;

    public static TaskContract Load(string document, string? operationId)
    {
        var result = TaskDocumentLoader.Load(document, operationId);
        Assert.Empty(result.Errors);
        return result.Contract!;
    }

    /// <summary>An input schema for a task whose input does not matter (a form needs at least one field).</summary>
    public const string AnyInput = """{ "type": "object", "properties": { "note": { "type": "string" } } }""";

    /// <summary>A published task "name@1.0.0" whose input and output schemas are the ones given (JSON).</summary>
    public static PipelineTask Spec(string name, string input, string output)
    {
        var document = $$"""
            {
              "openapi": "3.0.3",
              "info": { "title": "{{name}}", "version": "1.0.0" },
              "paths": {
                "/run": {
                  "post": {
                    "operationId": "run",
                    "requestBody": { "required": true, "content": { "application/json": { "schema": {{input}} } } },
                    "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": {{output}} } } } }
                  }
                }
              }
            }
            """;
        return new PipelineTask(name, "1.0.0", TaskDefinitionStatus.Published, Load(document, null), $"hash-{name}", "testing");
    }

    public static Dictionary<string, PipelineTask> TasksOf(params PipelineTask[] tasks) =>
        tasks.ToDictionary(task => task.Key, StringComparer.Ordinal);

    public static PipelineNode Node(string id, string task, string parameters = "{}", string version = "1.0.0") =>
        new() { Id = id, TaskName = task, TaskVersion = version, ParametersJson = parameters };

    public static PipelineEdge Edge(string from, string fromPointer, string to, string toPointer) =>
        new() { FromNode = from, FromPointer = fromPointer, ToNode = to, ToPointer = toPointer };

    public static PipelineInput Input(string name, string? defaultJson, params (string Node, string Pointer)[] targets) =>
        new() { Name = name, DefaultJson = defaultJson, Targets = [.. targets.Select(target => new PipelineInputTarget(target.Node, target.Pointer))] };

    /// <summary>prepare-receptor → dock ← prepare-ligand → properties, with the receptor, the ligand and the exhaustiveness exposed.</summary>
    public static PipelineGraph DockingPipeline() => new()
    {
        Nodes =
        [
            Node("receptor", "prepare-receptor"),
            Node("ligand", "prepare-ligand"),
            Node("dock", "dock", """{ "receptorFormat": "pdbqt", "ligandFormat": "pdbqt", "center": { "x": 1, "y": 2, "z": 3 }, "size": { "x": 20, "y": 20, "z": 20 } }"""),
            Node("props", "properties", """{ "moleculeFormat": "sdf" }"""),
        ],
        Edges =
        [
            Edge("receptor", "/pdbqt", "dock", "/receptor"),
            Edge("ligand", "/pdbqt", "dock", "/ligand"),
            Edge("ligand", "/sdf", "props", "/molecule"),
        ],
        Inputs =
        [
            Input("receptor", null, ("receptor", "/receptor")),
            Input("ligand", null, ("ligand", "/ligand")),
            Input("exhaustiveness", "8", ("dock", "/exhaustiveness")),
        ],
    };
}
