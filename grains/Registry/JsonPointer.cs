using System.Text.Json.Nodes;

namespace MolDash.Grains.Registry;

/// <summary>RFC 6901 JSON pointers: building them segment by segment and resolving them in a document.</summary>
public static class JsonPointer
{
    public static string Append(string path, string segment) =>
        path + "/" + segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string path, int index) =>
        path + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The unescaped reference tokens of a pointer ("/a~1b/0" → "a/b", "0"); none for "".</summary>
    public static string[] Segments(string location) =>
        location.Length == 0 ? [] : [.. location[1..].Split('/').Select(Unescape)];

    public static string Unescape(string segment) =>
        segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    /// <summary>Resolves a pointer <paramref name="location"/> ("/a/b", or a local reference "#/a/b") in <paramref name="root"/>.</summary>
    public static bool TryResolve(JsonNode? root, string location, out JsonNode? target)
    {
        target = root;
        var steps = location.StartsWith('#') ? location[1..] : location;
        if (steps.Length == 0)
        {
            return root is not null;
        }

        if (steps[0] != '/')
        {
            target = null;
            return false;
        }

        foreach (var raw in steps[1..].Split('/'))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (target)
            {
                case JsonObject obj when obj.TryGetPropertyValue(segment, out var child):
                    target = child;
                    break;
                case JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count:
                    target = array[index];
                    break;
                default:
                    target = null;
                    return false;
            }
        }

        return true;
    }
}
