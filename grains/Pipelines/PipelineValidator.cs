using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.GrainInterfaces.Tasks;
using MolDash.Grains.Jobs;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// Checks a pipeline graph against the registry and reports every problem at once, each with a JSON
/// pointer into the graph ("/nodes/3/taskVersion", "/edges/2/toPointer"); pointers that go on past
/// "parametersJson" or "defaultJson" continue into that JSON text.
/// </summary>
public sealed partial class PipelineValidator
{
    private readonly PipelineGraph graph;
    private readonly IReadOnlyDictionary<string, PipelineTask> tasks;
    private readonly List<FieldError> errors = [];
    private readonly Dictionary<string, int> nodeIndex = new(StringComparer.Ordinal);
    private readonly PipelineTask?[] taskOf;
    private readonly JsonObject?[] parameters;
    private readonly List<FieldFill> fills = [];
    private readonly List<(int From, int To, int Edge)> links = [];
    private readonly List<(PipelineEdge Edge, string At, ResolvedSchema Output, ResolvedSchema Input)> fileEdges = [];

    /// <summary>Large pipelines repeat the same wiring (99 ligands into 99 dockings): each pair of fields is compared once.</summary>
    private readonly Dictionary<(string, string, string, string), List<string>> compatibility = [];
    private ILookup<int, FieldFill> fillsByNode = Array.Empty<FieldFill>().ToLookup(fill => fill.Node);
    private bool idsValid = true;

    private PipelineValidator(PipelineGraph graph, IReadOnlyDictionary<string, PipelineTask> tasks)
    {
        this.graph = graph;
        this.tasks = tasks;
        taskOf = new PipelineTask?[graph.Nodes.Count];
        parameters = new JsonObject?[graph.Nodes.Count];
    }

    /// <param name="allowDeprecated">
    /// False for drafts (new work must not pin a deprecated task version); true for a published version,
    /// which keeps running what it pinned.
    /// </param>
    public static List<FieldError> Validate(PipelineGraph graph, IReadOnlyDictionary<string, PipelineTask> tasks, int maxNodes = 500, bool allowDeprecated = false)
    {
        if (graph.Nodes.Count == 0)
        {
            return [new FieldError("/nodes", "A pipeline needs at least one node: add a task to run.")];
        }

        if (graph.Nodes.Count > maxNodes)
        {
            return [new FieldError("/nodes", $"A pipeline may have at most {maxNodes} nodes; this one has {graph.Nodes.Count}. Split it into smaller pipelines.")];
        }

        var validator = new PipelineValidator(graph, tasks);
        validator.CheckNodes(allowDeprecated);
        validator.CheckEdges();
        validator.CheckInputs();
        validator.fillsByNode = validator.fills.ToLookup(fill => fill.Node);
        validator.CheckFileFormatFields();
        validator.CheckFills();
        validator.CheckParameters();
        validator.CheckTopology();
        return validator.errors;
    }

    private void CheckNodes(bool allowDeprecated)
    {
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            var at = $"/nodes/{i}";
            if (!JobGraphRules.IsNodeId(node.Id))
            {
                idsValid = false;
                errors.Add(new FieldError(at + "/id", "A node id is 1 to 64 letters, digits, '.', '_' or '-'."));
            }
            else if (!nodeIndex.TryAdd(node.Id, i))
            {
                idsValid = false;
                errors.Add(new FieldError(at + "/id", $"The node id '{node.Id}' is already used by /nodes/{nodeIndex[node.Id]}; give each node its own id."));
            }

            CheckTask(node, at, i, allowDeprecated);
            try
            {
                parameters[i] = JsonNode.Parse(node.ParametersJson) as JsonObject;
                if (parameters[i] is null)
                {
                    errors.Add(new FieldError(at + "/parametersJson", "The fixed parameters must be a JSON object, such as {\"exhaustiveness\": 16}."));
                }
            }
            catch (JsonException e)
            {
                errors.Add(new FieldError(at + "/parametersJson", $"The fixed parameters are not valid JSON: {e.Message}"));
            }
        }
    }

    private void CheckTask(PipelineNode node, string at, int i, bool allowDeprecated)
    {
        if (string.IsNullOrWhiteSpace(node.TaskName))
        {
            errors.Add(new FieldError(at + "/taskName", "Name the task this node runs."));
            return;
        }

        if (!tasks.TryGetValue(PipelineTask.KeyOf(node.TaskName, node.TaskVersion), out var task))
        {
            errors.Add(new FieldError(at + "/taskVersion", $"The registry has no task '{node.TaskName}' version '{node.TaskVersion}'; pick a version that exists."));
            return;
        }

        switch (task.Status)
        {
            case TaskDefinitionStatus.Draft:
                errors.Add(new FieldError(at + "/taskVersion", $"Task '{node.TaskName}' {node.TaskVersion} is still a draft and may change; publish it before a pipeline pins it."));
                break;
            case TaskDefinitionStatus.Deprecated when !allowDeprecated:
                errors.Add(new FieldError(at + "/taskVersion", $"Task '{node.TaskName}' {node.TaskVersion} is deprecated; pin a newer version."));
                break;
        }

        taskOf[i] = task;
    }

    private void CheckEdges()
    {
        for (var j = 0; j < graph.Edges.Count; j++)
        {
            var edge = graph.Edges[j];
            var at = $"/edges/{j}";
            var from = NodeAt(edge.FromNode, at + "/fromNode");
            var to = NodeAt(edge.ToNode, at + "/toNode");
            if (from is not null && from == to)
            {
                errors.Add(new FieldError(at + "/toNode", $"An edge cannot go from '{edge.FromNode}' to itself: a step cannot wait for its own output."));
                continue;
            }

            var output = from is { } source ? OutputField(source, edge.FromPointer, at + "/fromPointer") : null;
            var input = to is { } target ? InputField(target, edge.ToPointer, at + "/toPointer") : null;
            if (to is { } filled && IsPointer(edge.ToPointer) && edge.ToPointer.Length > 0)
            {
                fills.Add(new FieldFill(filled, edge.ToPointer, at + "/toPointer", $"edge {j} (from '{edge.FromNode}')"));
            }

            if (from is { } a && to is { } b)
            {
                links.Add((a, b, j));
            }

            if (output is not null && input is not null)
            {
                CheckCompatible(edge, at, output, input, taskOf[from!.Value]!, taskOf[to!.Value]!);
            }
        }
    }

    private void CheckCompatible(PipelineEdge edge, string at, ResolvedSchema output, ResolvedSchema input, PipelineTask source, PipelineTask target)
    {
        var key = (source.Key, edge.FromPointer, target.Key, edge.ToPointer);
        if (!compatibility.TryGetValue(key, out var reasons))
        {
            reasons = SchemaCompatibility.Check(source.Contract.Schemas, output, target.Contract.Schemas, input);
            compatibility[key] = reasons;
        }

        if (reasons.Count > 0)
        {
            errors.Add(new FieldError(at, $"The output {Shown(edge.FromPointer)} of '{edge.FromNode}' ({source.Name} {source.Version}) does not fit the input {edge.ToPointer} of '{edge.ToNode}' ({target.Name} {target.Version}): {string.Join("; ", reasons)}."));
            return;
        }

        fileEdges.Add((edge, at, output, input));
    }

    private void CheckFileFormatFields()
    {
        foreach (var (edge, at, output, input) in fileEdges)
        {
            CheckFileFormatField(edge, at, output, input, nodeIndex[edge.ToNode]);
        }
    }

    /// <summary>
    /// A file input read by the format named in a sibling field (dock's ligand by ligandFormat) gets a file
    /// of one known format from the edge: that field must say so, or the task misreads the file.
    /// </summary>
    private void CheckFileFormatField(PipelineEdge edge, string at, ResolvedSchema output, ResolvedSchema input, int target)
    {
        if (output.Node[TaskFormGenerator.FileExtension] is not JsonObject outputFile
            || SchemaCompatibility.FormatsOf(outputFile) is not [var format]
            || input.Node[TaskFormGenerator.FileExtension]?["formatField"]?.ToString() is not { Length: > 0 } formatField)
        {
            return;
        }

        var formatPointer = JsonPointer.Append(edge.ToPointer[..edge.ToPointer.LastIndexOf('/')], formatField);
        if (fillsByNode[target].Any(fill => fill.Overlaps(formatPointer)))
        {
            return;
        }

        var fixedValue = JsonPointer.TryResolve(parameters[target], formatPointer, out var value) ? value : null;
        var stated = fixedValue ?? taskOf[target]!.Contract.InputSchemaAt(formatPointer)?.Node["default"];
        if (stated is JsonValue text && text.TryGetValue<string>(out var named) && !string.Equals(named, format, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new FieldError(at, $"'{edge.ToNode}' gets a {format} file at {edge.ToPointer}, but its {formatPointer} is '{named}'{(fixedValue is null ? " (the default)" : "")}: fix {formatPointer} to \"{format}\" in its parameters."));
        }
    }

    private void CheckInputs()
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < graph.Inputs.Count; i++)
        {
            var input = graph.Inputs[i];
            var at = $"/inputs/{i}";
            if (!InputNamePattern().IsMatch(input.Name))
            {
                errors.Add(new FieldError(at + "/name", "An input name is 1 to 64 letters, digits, '_' or '-'."));
            }
            else if (!names.TryAdd(input.Name, i))
            {
                errors.Add(new FieldError(at + "/name", $"The input name '{input.Name}' is already used by /inputs/{names[input.Name]}."));
            }

            if (input.Targets.Count == 0)
            {
                errors.Add(new FieldError(at + "/targets", "An input needs at least one target: the node and field its value goes to."));
            }

            var defaultValue = ParseDefault(input, at);
            for (var k = 0; k < input.Targets.Count; k++)
            {
                var target = input.Targets[k];
                var targetAt = $"{at}/targets/{k}";
                if (NodeAt(target.NodeId, targetAt + "/nodeId") is not { } node)
                {
                    continue;
                }

                if (IsPointer(target.Pointer) && target.Pointer.Length > 0)
                {
                    fills.Add(new FieldFill(node, target.Pointer, targetAt + "/pointer", $"input '{input.Name}'"));
                }

                if (InputField(node, target.Pointer, targetAt + "/pointer") is { } schema && defaultValue is { } value)
                {
                    errors.AddRange(taskOf[node]!.Contract.ValidateValue(schema, value.Node, at + "/defaultJson")
                        .Select(error => error with { Message = $"The default does not fit {target.Pointer} of '{target.NodeId}': {error.Message}" }));
                }
            }
        }
    }

    private (JsonNode? Node, bool Given)? ParseDefault(PipelineInput input, string at)
    {
        if (input.DefaultJson is null)
        {
            return null;
        }

        try
        {
            return (JsonNode.Parse(input.DefaultJson), true);
        }
        catch (JsonException e)
        {
            errors.Add(new FieldError(at + "/defaultJson", $"The default is not valid JSON (a string needs quotes): {e.Message}"));
            return null;
        }
    }

    /// <summary>A field takes one value: two edges or inputs writing the same field (or into one another) conflict.</summary>
    private void CheckFills()
    {
        foreach (var group in fillsByNode)
        {
            var seen = new List<FieldFill>();
            foreach (var fill in group)
            {
                if (seen.FirstOrDefault(earlier => earlier.Overlaps(fill.Pointer)) is { } earlier)
                {
                    errors.Add(new FieldError(fill.At, $"{fill.Pointer} of '{graph.Nodes[fill.Node].Id}' is already filled by {earlier.Source} ({earlier.Pointer}); a field takes its value from one edge or input."));
                }

                seen.Add(fill);
            }
        }
    }

    private void CheckParameters()
    {
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            if (taskOf[i] is not { } task || parameters[i] is not { } given)
            {
                continue;
            }

            var at = $"/nodes/{i}/parametersJson";
            var node = i;
            var unbound = new List<string>();
            var problems = task.Contract.ValidateParameters(given, missing =>
            {
                if (!fillsByNode[node].Any(fill => fill.Overlaps(missing)))
                {
                    unbound.Add(missing);
                }
            });
            errors.AddRange(problems.Select(error => error with { Pointer = at + error.Pointer }));
            errors.AddRange(unbound.Select(missing => new FieldError(at + missing,
                $"The required input {missing} of '{graph.Nodes[i].Id}' ({task.Name} {task.Version}) is not given: fix it in the parameters, connect an edge to it, or expose it as a pipeline input.")));
        }
    }

    private void CheckTopology()
    {
        foreach (var (edge, cycle) in PipelineTopology.FindCycles(graph.Nodes.Count, links))
        {
            errors.Add(new FieldError($"/edges/{edge}", $"The pipeline has a cycle: {string.Join(" → ", cycle.Select(node => graph.Nodes[node].Id))}; data must flow one way, so remove one of its edges."));
        }

        if (!idsValid)
        {
            return;
        }

        var shared = graph.Inputs
            .Select(input => input.Targets.Select(target => nodeIndex.TryGetValue(target.NodeId, out var node) ? node : -1).Where(node => node >= 0).ToList())
            .SelectMany(targets => targets.Skip(1).Select(node => (targets[0], node)));
        var disconnected = PipelineTopology.Disconnected(graph.Nodes.Count, links.Select(link => (link.From, link.To)).Concat(shared));
        foreach (var node in disconnected)
        {
            errors.Add(new FieldError($"/nodes/{node}", $"'{graph.Nodes[node].Id}' is not connected to the rest of the pipeline: no edge or shared input links it to the main part. Connect it, or make it a pipeline of its own."));
        }
    }

    private int? NodeAt(string id, string at)
    {
        if (nodeIndex.TryGetValue(id ?? "", out var index))
        {
            return index;
        }

        errors.Add(new FieldError(at, $"There is no node '{id}' in this pipeline."));
        return null;
    }

    private ResolvedSchema? OutputField(int node, string pointer, string at)
    {
        if (taskOf[node] is not { } task)
        {
            return null;
        }

        if (!IsPointer(pointer))
        {
            errors.Add(new FieldError(at, "A JSON pointer into the output: empty for all of it, or starting with '/', such as \"/pdbqt\"."));
            return null;
        }

        var schema = task.Contract.OutputSchemaAt(pointer);
        if (schema is null)
        {
            errors.Add(new FieldError(at, $"The output of '{graph.Nodes[node].Id}' ({task.Name} {task.Version}) has no field {pointer}; its fields are {FieldNames(task.Contract.OutputSchemaAt(""))}."));
        }

        return schema;
    }

    private ResolvedSchema? InputField(int node, string pointer, string at)
    {
        if (taskOf[node] is not { } task)
        {
            return null;
        }

        if (!IsPointer(pointer) || pointer.Length == 0)
        {
            errors.Add(new FieldError(at, "A JSON pointer to a field of the input, starting with '/', such as \"/receptor\"."));
            return null;
        }

        var schema = task.Contract.InputSchemaAt(pointer);
        if (schema is null)
        {
            errors.Add(new FieldError(at, $"{pointer} is not an input field of '{graph.Nodes[node].Id}' ({task.Name} {task.Version}); its fields are {FieldNames(task.Contract.InputSchemaAt(""))}."));
        }

        return schema;
    }

    private static bool IsPointer(string? pointer) => pointer is not null && (pointer.Length == 0 || pointer[0] == '/');

    private static string Shown(string pointer) => pointer.Length == 0 ? "(all of it)" : pointer;

    private static string FieldNames(ResolvedSchema? schema) =>
        schema?.Properties is { Count: > 0 } properties ? string.Join(", ", properties.Select(property => property.Key)) : "none";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.None, 100)]
    private static partial Regex InputNamePattern();
}
