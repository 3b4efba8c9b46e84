using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Registry;

/// <summary>
/// Follows local references and merges allOf in a document's JSON tree. Only what the form and the
/// parameter validation understand is accepted; anything else is reported, never silently ignored.
/// </summary>
public sealed class SchemaResolver(JsonNode root)
{
    private static readonly string[] UnsupportedKeywords = ["oneOf", "anyOf", "not", "discriminator"];

    /// <returns>The resolved schema, or null after adding to <paramref name="errors"/>.</returns>
    public ResolvedSchema? Resolve(JsonNode? schema, string location, IReadOnlyList<string> chain, List<FieldError> errors)
    {
        var currentPointer = location;
        var currentChain = chain;
        while (schema is JsonObject obj && obj["$ref"] is JsonValue refValue && refValue.TryGetValue<string>(out var reference))
        {
            if (currentChain.Contains(reference, StringComparer.Ordinal))
            {
                errors.Add(new FieldError(JsonPointer.Append(currentPointer, "$ref"),
                    $"The schema {reference} contains itself; recursive task inputs are not supported."));
                return null;
            }

            if (!JsonPointer.TryResolve(root, reference, out schema))
            {
                // Already reported by the document checks.
                return null;
            }

            currentChain = [.. currentChain, reference];
            currentPointer = reference[1..];
        }

        if (schema is not JsonObject node)
        {
            errors.Add(new FieldError(currentPointer, "A schema must be a JSON object."));
            return null;
        }

        foreach (var keyword in UnsupportedKeywords.Where(node.ContainsKey))
        {
            errors.Add(new FieldError(JsonPointer.Append(currentPointer, keyword),
                $"'{keyword}' is not supported in a task's input: a form cannot offer alternatives. Use one object with optional fields, or an enum."));
        }

        if (node["allOf"] is not JsonArray parts)
        {
            return new ResolvedSchema(node, currentPointer, currentChain);
        }

        var merged = (JsonObject)node.DeepClone();
        merged.Remove("allOf");
        for (var i = 0; i < parts.Count; i++)
        {
            var part = Resolve(parts[i], JsonPointer.Append(JsonPointer.Append(currentPointer, "allOf"), i), currentChain, errors);
            if (part is not null)
            {
                MergeInto(merged, part.Node);
            }
        }

        return new ResolvedSchema(merged, currentPointer, currentChain);
    }

    /// <summary>
    /// The schema of the value at <paramref name="valuePointer"/> (such as "/center/x") in a document that the
    /// schema at <paramref name="schemaPointer"/> describes, or null when that schema has no such field.
    /// </summary>
    public ResolvedSchema? ResolveAt(string schemaPointer, string valuePointer)
    {
        if (valuePointer.Length > 0 && valuePointer[0] != '/')
        {
            return null;
        }

        JsonPointer.TryResolve(root, schemaPointer, out var node);
        var schema = Resolve(node, schemaPointer, [], []);
        foreach (var segment in JsonPointer.Segments(valuePointer))
        {
            if (schema is null)
            {
                return null;
            }

            schema = Child(schema, segment);
        }

        return schema;
    }

    /// <summary>The schema of a property (or of an array item, for an index or "-"), or null when the schema has none.</summary>
    public ResolvedSchema? Child(ResolvedSchema parent, string segment)
    {
        if (parent.Properties is { } properties && properties.TryGetPropertyValue(segment, out var property))
        {
            return Resolve(property, JsonPointer.Append(JsonPointer.Append(parent.Location, "properties"), segment), parent.ReferenceChain, []);
        }

        if (parent.Node["items"] is { } items && (segment == "-" || uint.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            return Resolve(items, JsonPointer.Append(parent.Location, "items"), parent.ReferenceChain, []);
        }

        var additionalLocation = JsonPointer.Append(parent.Location, "additionalProperties");
        return parent.Node["additionalProperties"] switch
        {
            JsonObject additional => Resolve(additional, additionalLocation, parent.ReferenceChain, []),
            // "true" allows any value: an empty schema says exactly that.
            JsonValue allowed when allowed.TryGetValue<bool>(out var any) && any => new ResolvedSchema([], additionalLocation, parent.ReferenceChain),
            _ => null,
        };
    }

    private static void MergeInto(JsonObject target, JsonObject part)
    {
        foreach (var (key, value) in part)
        {
            switch (key)
            {
                case "properties" when value is JsonObject properties:
                    var into = target["properties"] as JsonObject ?? [];
                    target["properties"] = into;
                    foreach (var (name, property) in properties)
                    {
                        into[name] = property?.DeepClone();
                    }

                    break;
                case "required" when value is JsonArray names:
                    var required = target["required"] as JsonArray ?? [];
                    target["required"] = required;
                    foreach (var name in names.Where(name => !required.Any(existing => JsonNode.DeepEquals(existing, name))))
                    {
                        required.Add(name?.DeepClone());
                    }

                    break;
                default:
                    target[key] ??= value?.DeepClone();
                    break;
            }
        }
    }
}
