using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.YamlReader;
using MolDash.GrainInterfaces.Errors;
using SharpYaml;
using SharpYaml.Serialization;

namespace MolDash.Grains.Registry;

/// <summary>
/// Turns a pasted or uploaded document (JSON or YAML) into a JSON tree, within the size and nesting
/// limits. The registry's own checks run on this tree because Microsoft.OpenApi's object model hides
/// what they look for (dropped external references, empty schemas left for missing ones).
/// </summary>
public static class RawDocumentParser
{
    // The YAML converter writes this placeholder for null; the registry wants real nulls.
    private const string YamlNullSentinelPrefix = "openapi-json-null-sentinel-value-";

    public static JsonNode? Parse(string text, List<FieldError> errors)
    {
        if (Encoding.UTF8.GetByteCount(text) > TaskDocumentLimits.MaxBytes)
        {
            errors.Add(new FieldError("", $"The document is larger than {TaskDocumentLimits.MaxBytes / 1024} KiB; split out what the task does not need."));
            return null;
        }

        var trimmed = text.TrimStart();
        if (trimmed.Length == 0)
        {
            errors.Add(new FieldError("", "The document is empty; paste an OpenAPI 3.0 document in JSON or YAML."));
            return null;
        }

        return trimmed[0] is '{' or '[' ? ParseJson(text, errors) : ParseYaml(text, errors);
    }

    private static JsonNode? ParseJson(string text, List<FieldError> errors)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = TaskDocumentLimits.MaxDepth });
        }
        catch (JsonException e)
        {
            errors.Add(new FieldError("", $"The document is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}"));
            return null;
        }
    }

    private static JsonNode? ParseYaml(string text, List<FieldError> errors)
    {
        // SharpYaml recurses per flow level; refuse deep bracket nesting before it gets the chance.
        if (MaxFlowDepth(text) > TaskDocumentLimits.MaxDepth)
        {
            errors.Add(NestingError());
            return null;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1)
            {
                errors.Add(new FieldError("", "The YAML holds no document or several; submit exactly one."));
                return null;
            }

            // Aliases are shared nodes in the loaded tree, but the conversion copies each use: nine levels of
            // ten aliases ("billion laughs") would be a billion nodes, and a nesting too deep would recurse.
            if (ExpandedSize(stream.Documents[0].RootNode, new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance), 1) > TaskDocumentLimits.MaxNodes)
            {
                errors.Add(new FieldError("", $"The YAML nests deeper than {TaskDocumentLimits.MaxDepth} levels or expands, through its aliases, to more than {TaskDocumentLimits.MaxNodes} values; write the document out without deep aliases."));
                return null;
            }

            var root = YamlConverter.ToJsonNode(stream.Documents[0]);
            if (Depth(root) > TaskDocumentLimits.MaxDepth)
            {
                errors.Add(NestingError());
                return null;
            }

            // Re-read as JSON so YAML scalars behave exactly like parsed JSON values (number types included).
            return JsonNode.Parse(ReplaceNullSentinels(root)?.ToJsonString() ?? "null");
        }
        catch (YamlException e)
        {
            errors.Add(new FieldError("", $"The document is neither JSON nor valid YAML (line {e.Start.Line}, column {e.Start.Column}): {e.Message.Split(": ", 2)[^1]}"));
            return null;
        }
    }

    private static FieldError NestingError() =>
        new("", $"The document nests deeper than {TaskDocumentLimits.MaxDepth} levels; move nested schemas to components and reference them.");

    private static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.') + ".";

    private static int MaxFlowDepth(string text)
    {
        int depth = 0, max = 0;
        char quote = '\0';
        foreach (var c in text)
        {
            if (c == '\n')
            {
                // Quoted scalars in the documents we accept stay on one line, and a stray apostrophe in a
                // plain scalar must not hide the brackets after it.
                quote = '\0';
            }
            else if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '[' or '{')
            {
                max = Math.Max(max, ++depth);
            }
            else if (c is ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        return max;
    }

    /// <summary>The node's size with every alias expanded, counted once per distinct node; past the depth limit, more than any limit.</summary>
    private static long ExpandedSize(YamlNode node, Dictionary<YamlNode, long> sizes, int depth)
    {
        if (depth > TaskDocumentLimits.MaxDepth)
        {
            return TaskDocumentLimits.MaxNodes + 1L;
        }

        if (sizes.TryGetValue(node, out var known))
        {
            return known;
        }

        var children = node switch
        {
            YamlMappingNode mapping => mapping.Children.SelectMany(pair => new[] { pair.Key, pair.Value }),
            YamlSequenceNode sequence => sequence.Children,
            _ => [],
        };
        var size = 1L;
        foreach (var child in children)
        {
            size = Math.Min(TaskDocumentLimits.MaxNodes + 1, size + ExpandedSize(child, sizes, depth + 1));
        }

        sizes[node] = size;
        return size;
    }

    private static int Depth(JsonNode? node) => node switch
    {
        JsonObject obj => 1 + obj.Select(pair => Depth(pair.Value)).DefaultIfEmpty(0).Max(),
        JsonArray array => 1 + array.Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    private static JsonNode? ReplaceNullSentinels(JsonNode? node)
    {
        if (IsNullSentinel(node))
        {
            return null;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(pair => IsNullSentinel(pair.Value)).Select(pair => pair.Key).ToList())
                {
                    obj[key] = null;
                }

                foreach (var pair in obj)
                {
                    ReplaceNullSentinels(pair.Value);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (IsNullSentinel(array[i]))
                    {
                        array[i] = null;
                    }
                    else
                    {
                        ReplaceNullSentinels(array[i]);
                    }
                }

                break;
        }

        return node;
    }

    private static bool IsNullSentinel(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
        && text.StartsWith(YamlNullSentinelPrefix, StringComparison.Ordinal);
}
