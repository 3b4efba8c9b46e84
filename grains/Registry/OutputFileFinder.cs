using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Registry;

/// <summary>
/// Finds the file fields (marked <c>x-moldash-file</c>) of a task's output schema, so the platform can keep
/// each file a run returns as an artifact of its job. Output schemas are not forms: what cannot be
/// followed (alternatives, recursion) is simply not searched.
/// </summary>
public static class OutputFileFinder
{
    private const int MaxDepth = 16;

    public static IReadOnlyList<OutputFileField> Find(JsonNode root, TaskOperation operation)
    {
        var found = new List<OutputFileField>();
        if (JsonPointer.TryResolve(root, operation.OutputSchemaPointer, out var schema))
        {
            Walk(new SchemaResolver(root), schema, operation.OutputSchemaPointer, "", [], 0, found);
        }

        return found;
    }

    /// <summary>Each file a concrete output holds: its JSON pointer, format and text.</summary>
    public static IEnumerable<(string Pointer, string Format, string Content)> Extract(JsonNode? output, IReadOnlyList<OutputFileField> fields)
    {
        foreach (var field in fields)
        {
            foreach (var (pointer, value) in Matches(output, field.Pattern.Split('/')[1..], ""))
            {
                if (value is JsonValue text && text.TryGetValue<string>(out var content) && content.Length > 0)
                {
                    yield return (pointer, field.Format, content);
                }
            }
        }
    }

    private static void Walk(SchemaResolver resolver, JsonNode? node, string location, string pattern, IReadOnlyList<string> chain, int depth, List<OutputFileField> found)
    {
        var ignored = new List<FieldError>();
        if (depth > MaxDepth || resolver.Resolve(node, location, chain, ignored) is not { } schema)
        {
            return;
        }

        if (schema.Node[TaskFormGenerator.FileExtension] is JsonObject file)
        {
            var format = file["accept"] is JsonArray { Count: > 0 } accept ? accept[0]?.GetValue<string>() : null;
            found.Add(new OutputFileField(pattern, format ?? "txt"));
            return;
        }

        foreach (var (name, property) in schema.Properties ?? [])
        {
            Walk(resolver, property, JsonPointer.Append(JsonPointer.Append(schema.Location, "properties"), name),
                JsonPointer.Append(pattern, name), schema.ReferenceChain, depth + 1, found);
        }

        if (schema.Node["items"] is { } items)
        {
            Walk(resolver, items, JsonPointer.Append(schema.Location, "items"), pattern + "/*", schema.ReferenceChain, depth + 1, found);
        }
    }

    private static IEnumerable<(string Pointer, JsonNode? Value)> Matches(JsonNode? node, ArraySegment<string> steps, string at)
    {
        if (steps.Count == 0)
        {
            yield return (at, node);
            yield break;
        }

        var step = steps[0];
        if (step == "*" && node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var match in Matches(array[i], steps[1..], JsonPointer.Append(at, i)))
                {
                    yield return match;
                }
            }
        }
        else if (node is JsonObject obj)
        {
            var name = step.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (obj.TryGetPropertyValue(name, out var child))
            {
                foreach (var match in Matches(child, steps[1..], JsonPointer.Append(at, name)))
                {
                    yield return match;
                }
            }
        }
    }
}
