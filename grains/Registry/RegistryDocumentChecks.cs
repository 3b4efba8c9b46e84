using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Registry;

/// <summary>
/// The checks Microsoft.OpenApi 2.13 does not make (see PLATFORM-NOTES): references that leave the
/// document or lead nowhere, repeated operation ids, and enum defaults outside their enum.
/// </summary>
public static class RegistryDocumentChecks
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static void Run(JsonNode root, List<FieldError> errors)
    {
        Walk(root, root, "", errors);
        CheckOperationIds(root, errors);
    }

    private static void Walk(JsonNode root, JsonNode? node, string pointer, List<FieldError> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                CheckReference(root, obj, pointer, errors);
                CheckEnumDefault(obj, pointer, errors);
                foreach (var (key, child) in obj)
                {
                    // Examples and extensions are free-form data, not OpenAPI objects; but each entry of
                    // "examples" may itself be a reference, which must stay inside the document too.
                    if (key == "examples" && child is JsonObject examples)
                    {
                        foreach (var (name, example) in examples)
                        {
                            if (example is JsonObject entry)
                            {
                                var at = JsonPointer.Append(JsonPointer.Append(pointer, key), name);
                                CheckReference(root, entry, at, errors);
                                CheckExternalValue(entry, at, errors);
                            }
                        }

                        continue;
                    }

                    if (key is "example" || key.StartsWith("x-", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    Walk(root, child, JsonPointer.Append(pointer, key), errors);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(root, array[i], JsonPointer.Append(pointer, i), errors);
                }

                break;
        }
    }

    private static void CheckReference(JsonNode root, JsonObject obj, string pointer, List<FieldError> errors)
    {
        if (!obj.TryGetPropertyValue("$ref", out var value))
        {
            return;
        }

        var at = JsonPointer.Append(pointer, "$ref");
        if (value is not JsonValue v || !v.TryGetValue<string>(out var reference))
        {
            errors.Add(new FieldError(at, "$ref must be a string such as \"#/components/schemas/Input\"."));
        }
        else if (!reference.StartsWith('#'))
        {
            errors.Add(new FieldError(at, $"The reference \"{reference}\" points outside the document; the registry never fetches other files or URLs, so inline it under #/components and reference it there."));
        }
        else if (!JsonPointer.TryResolve(root, reference, out _))
        {
            errors.Add(new FieldError(at, $"The reference \"{reference}\" points to nothing in this document; add it under #/components or correct the name."));
        }
    }

    private static void CheckExternalValue(JsonObject example, string pointer, List<FieldError> errors)
    {
        if (example.ContainsKey("externalValue"))
        {
            errors.Add(new FieldError(JsonPointer.Append(pointer, "externalValue"),
                "The example's externalValue points outside the document; the registry never fetches other files or URLs, so give the example inline as 'value'."));
        }
    }

    private static void CheckEnumDefault(JsonObject obj, string pointer, List<FieldError> errors)
    {
        if (obj["enum"] is JsonArray values && obj.TryGetPropertyValue("default", out var fallback)
            && !values.Any(value => JsonNode.DeepEquals(value, fallback)))
        {
            errors.Add(new FieldError(JsonPointer.Append(pointer, "default"),
                $"The default {fallback?.ToJsonString() ?? "null"} is not one of the enum values {values.ToJsonString()}; make it one of them or drop it."));
        }
    }

    private static void CheckOperationIds(JsonNode root, List<FieldError> errors)
    {
        var firstSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root["paths"] is not JsonObject paths)
        {
            return;
        }

        foreach (var (path, item) in paths)
        {
            foreach (var method in HttpMethods)
            {
                if ((item as JsonObject)?[method] is not JsonObject operation
                    || operation["operationId"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id))
                {
                    continue;
                }

                var at = JsonPointer.Append(JsonPointer.Append(JsonPointer.Append("/paths", path), method), "operationId");
                if (!firstSeen.TryAdd(id, at))
                {
                    errors.Add(new FieldError(at, $"The operationId \"{id}\" is already used at {firstSeen[id]}; operation ids must be unique."));
                }
            }
        }
    }
}
