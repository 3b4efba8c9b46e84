using System.Text.Json.Nodes;
using MolDash.Grains.Registry;

namespace MolDash.Grains.TaskServices;

/// <summary>
/// A parameter may name an uploaded file instead of holding its text: the string "artifact:{id}". Jobs
/// keep the reference (small, and its checksum identifies the content); the text is put in only when
/// the run is sent to its service.
/// </summary>
public static class ArtifactReferences
{
    public const string Prefix = "artifact:";

    /// <summary>Every reference in the parameters, with its JSON pointer.</summary>
    public static List<(string Pointer, Guid ArtifactId)> Find(JsonNode? parameters)
    {
        var found = new List<(string, Guid)>();
        Walk(parameters, "", (pointer, id) => found.Add((pointer, id)));
        return found;
    }

    /// <summary>The parameters with each reference replaced by the artifact's text.</summary>
    public static async Task<string> InlineAsync(string parametersJson, Func<Guid, Task<string>> readText)
    {
        var parameters = JsonNode.Parse(parametersJson);
        var references = Find(parameters);
        if (references.Count == 0)
        {
            return parametersJson;
        }

        var texts = new Dictionary<Guid, string>();
        foreach (var id in references.Select(reference => reference.ArtifactId).Distinct())
        {
            texts[id] = await readText(id);
        }

        Replace(parameters, texts);
        return parameters!.ToJsonString();
    }

    private static void Walk(JsonNode? node, string pointer, Action<string, Guid> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, JsonPointer.Append(pointer, name), found);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], JsonPointer.Append(pointer, i), found);
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && Parse(text) is { } id:
                found(pointer, id);
                break;
        }
    }

    private static void Replace(JsonNode? node, Dictionary<Guid, string> texts)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(property => property.Key).ToList())
                {
                    if (Reference(obj[name]) is { } id)
                    {
                        obj[name] = texts[id];
                    }
                    else
                    {
                        Replace(obj[name], texts);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Reference(array[i]) is { } id)
                    {
                        array[i] = texts[id];
                    }
                    else
                    {
                        Replace(array[i], texts);
                    }
                }

                break;
        }
    }

    private static Guid? Reference(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? Parse(text) : null;

    private static Guid? Parse(string text) =>
        text.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParse(text.AsSpan(Prefix.Length), out var id) ? id : null;
}
