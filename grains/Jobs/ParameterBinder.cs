using System.Text.Json;
using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Jobs;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Jobs;

/// <summary>Writes upstream outputs into a node's parameters along its data-flow edges.</summary>
public static class ParameterBinder
{
    /// <param name="outputOf">The output JSON of each upstream node id.</param>
    /// <returns>The bound parameters, or the reason they cannot be bound.</returns>
    public static (string? Parameters, string? Error) Bind(JobNode node, Func<string, string?> outputOf)
    {
        if (node.Inputs.Count == 0)
        {
            return (node.ParametersJson, null);
        }

        if (JsonNode.Parse(node.ParametersJson) is not JsonObject parameters)
        {
            return (null, "the node's parameters are not a JSON object");
        }

        foreach (var input in node.Inputs)
        {
            var output = outputOf(input.FromNode) is { } json ? JsonNode.Parse(json) : null;
            if (!JsonPointer.TryResolve(output, input.FromPointer, out var value))
            {
                return (null, $"node '{input.FromNode}' produced no value at '{input.FromPointer}' for '{input.ToPointer}'");
            }

            if (!TrySet(parameters, input.ToPointer, value?.DeepClone()))
            {
                return (null, $"'{input.ToPointer}' cannot be set in the node's parameters");
            }
        }

        return (parameters.ToJsonString(), null);
    }

    /// <summary>Sets the value at a pointer, making the objects on the way that do not exist yet.</summary>
    public static bool TrySet(JsonObject root, string location, JsonNode? value)
    {
        var segments = location[1..].Split('/').Select(Unescape).ToArray();
        JsonNode current = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            switch (current)
            {
                case JsonObject obj:
                    if (obj[segments[i]] is not { } child)
                    {
                        child = new JsonObject();
                        obj[segments[i]] = child;
                    }

                    current = child;
                    break;
                case JsonArray array when int.TryParse(segments[i], out var index) && index >= 0 && index < array.Count && array[index] is { } element:
                    current = element;
                    break;
                default:
                    return false;
            }
        }

        var last = segments[^1];
        switch (current)
        {
            case JsonObject target:
                target[last] = value;
                return true;
            case JsonArray list when last == "-":
                list.Add(value);
                return true;
            case JsonArray list when int.TryParse(last, out var at) && at >= 0 && at < list.Count:
                list[at] = value;
                return true;
            default:
                return false;
        }
    }

    private static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    /// <summary>True when the text is a JSON object (what every node's parameters must be).</summary>
    public static bool IsObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
