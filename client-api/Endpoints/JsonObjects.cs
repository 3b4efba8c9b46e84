using System.Text.Json;
using System.Text.Json.Nodes;

namespace MolDash.Api.Endpoints;

/// <summary>JSON object helpers for request bodies made of shared values and per-item values.</summary>
public static class JsonObjects
{
    /// <summary>The item's fields over the shared ones (an item's field wins), as JSON text.</summary>
    public static string Merge(string shared, JsonElement item)
    {
        var merged = JsonNode.Parse(shared)!.AsObject();
        foreach (var property in item.EnumerateObject())
        {
            merged[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }

        return merged.ToJsonString();
    }
}
