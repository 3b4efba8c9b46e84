using System.Globalization;
using System.Text.Json.Nodes;

namespace MolDash.Deployment.Tests.Manifests;

/// <summary>Reading the string scalars <see cref="YamlToJson"/> produces.</summary>
public static class JsonNodeText
{
    public static string? Text(this JsonNode? node) => node is JsonValue value ? value.GetValue<string>() : null;

    public static int? Number(this JsonNode? node) =>
        int.TryParse(node.Text(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static IEnumerable<JsonObject> Objects(this JsonNode? node) => (node as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>True when every label of <paramref name="selector"/> is among <paramref name="labels"/> with the same value.</summary>
    public static bool Selects(this JsonObject? selector, JsonObject labels) =>
        selector is not null && selector.All(pair => labels[pair.Key].Text() == pair.Value.Text());
}
