using System.Text.Json.Nodes;

namespace MolDash.Grains.Registry;

/// <summary>
/// A schema with its reference followed and its allOf parts merged, and where it came from in the
/// document (the pointer errors about the schema itself should name).
/// </summary>
public sealed record ResolvedSchema(JsonObject Node, string Location, IReadOnlyList<string> ReferenceChain)
{
    public string? Type => Node["type"] is JsonValue value && value.TryGetValue<string>(out var type) ? type : null;

    public string? Text(string keyword) =>
        Node[keyword] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public double? Number(string keyword) =>
        Node[keyword] is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;

    public int? WholeNumber(string keyword) =>
        Node[keyword] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    public bool Flag(string keyword) =>
        Node[keyword] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    public IReadOnlyList<string> Required =>
        Node["required"] is JsonArray names ? [.. names.Select(name => name?.GetValue<string>() ?? "")] : [];

    public JsonObject? Properties => Node["properties"] as JsonObject;
}
