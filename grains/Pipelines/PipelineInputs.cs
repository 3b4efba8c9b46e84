using System.Text.Json;
using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Pipelines;

/// <summary>A run's exposed input values: checked against the fields they fill, with the defaults put in for those not given.</summary>
public static class PipelineInputs
{
    /// <returns>Every input's value by name (given or default), or null when <paramref name="errors"/> says why not; errors point at "/inputs/{name}…".</returns>
    public static JsonObject? WithDefaults(PipelineGraph graph, IReadOnlyDictionary<string, PipelineTask> tasks, string inputsJson, List<FieldError> errors)
    {
        JsonObject? given;
        try
        {
            given = JsonNode.Parse(inputsJson) as JsonObject;
        }
        catch (JsonException)
        {
            given = null;
        }

        if (given is null)
        {
            errors.Add(new FieldError("/inputs", "The inputs must be a JSON object of values by input name, such as {\"ligand\": \"CCO\"}."));
            return null;
        }

        var known = graph.Inputs.Select(input => input.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, _) in given.Where(property => !known.Contains(property.Key)))
        {
            errors.Add(new FieldError(At(name), known.Count == 0
                ? $"'{name}' is not an input of this pipeline; it takes none."
                : $"'{name}' is not an input of this pipeline; its inputs are {string.Join(", ", known.Order(StringComparer.Ordinal))}."));
        }

        var values = new JsonObject();
        foreach (var input in graph.Inputs)
        {
            var at = At(input.Name);
            JsonNode? value;
            if (given.TryGetPropertyValue(input.Name, out var givenValue))
            {
                value = givenValue?.DeepClone();
            }
            else if (input.DefaultJson is not null)
            {
                value = JsonNode.Parse(input.DefaultJson);
            }
            else
            {
                errors.Add(new FieldError(at, $"Is required: give a value for {input.Label ?? input.Name}."));
                continue;
            }

            errors.AddRange(input.Targets
                .SelectMany(target => Check(graph, tasks, target, value, at))
                .Distinct());
            values[input.Name] = value;
        }

        return errors.Count == 0 ? values : null;
    }

    private static IEnumerable<FieldError> Check(PipelineGraph graph, IReadOnlyDictionary<string, PipelineTask> tasks, PipelineInputTarget target, JsonNode? value, string at)
    {
        var node = graph.Nodes.FirstOrDefault(node => node.Id == target.NodeId);
        if (node is null || !tasks.TryGetValue(PipelineTask.KeyOf(node.TaskName, node.TaskVersion), out var task) || task.Contract.InputSchemaAt(target.Pointer) is not { } schema)
        {
            // The graph was validated when it was published; what it no longer finds is not the runner's fault.
            return [];
        }

        return task.Contract.ValidateValue(schema, value, at);
    }

    private static string At(string name) => JsonPointer.Append("/inputs", name);
}
