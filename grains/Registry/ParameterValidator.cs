using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Registry;

/// <summary>
/// Checks a parameter set against a task's input schema (the subset of JSON Schema the form supports)
/// and names every field that is wrong, so a UI can mark them and nothing invalid is ever run.
/// </summary>
/// <param name="missingRequired">
/// Given, it hears of each missing required field instead of that being an error: a pipeline fills some
/// fields from edges and exposed inputs, and only the caller knows which.
/// </param>
public sealed class ParameterValidator(JsonNode root, Action<string>? missingRequired = null)
{
    /// <summary>A pattern from a task document must not stall a grain turn.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private readonly SchemaResolver resolver = new(root);

    public IReadOnlyList<FieldError> Validate(TaskOperation operation, JsonNode? parameters)
    {
        var errors = new List<FieldError>();
        JsonPointer.TryResolve(root, operation.InputSchemaPointer, out var input);
        Check(input, operation.InputSchemaPointer, [], parameters, "", errors);
        return errors;
    }

    /// <summary>Checks one value against an already resolved schema; errors point below <paramref name="at"/>.</summary>
    public IReadOnlyList<FieldError> ValidateValue(ResolvedSchema schema, JsonNode? value, string at)
    {
        var errors = new List<FieldError>();
        Check(schema.Node, schema.Location, schema.ReferenceChain, value, at, errors);
        return errors;
    }

    private void Check(JsonNode? schemaNode, string schemaPointer, IReadOnlyList<string> chain, JsonNode? value, string at, List<FieldError> errors)
    {
        // The document was checked when it was stored; what the resolver might report here is not the caller's fault.
        var schema = resolver.Resolve(schemaNode, schemaPointer, chain, []);
        if (schema is null)
        {
            return;
        }

        if (value is null)
        {
            if (!schema.Flag("nullable"))
            {
                errors.Add(new FieldError(at, "Must not be null."));
            }

            return;
        }

        if (schema.Node["enum"] is JsonArray options && !options.Any(option => JsonNode.DeepEquals(option, value)))
        {
            errors.Add(new FieldError(at, $"Must be one of {options.ToJsonString()}."));
            return;
        }

        switch (schema.Type ?? (schema.Properties is not null ? "object" : null))
        {
            case "string": CheckString(schema, value, at, errors); break;
            case "integer": CheckNumber(schema, value, at, errors, integer: true); break;
            case "number": CheckNumber(schema, value, at, errors, integer: false); break;
            case "boolean":
                if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(new FieldError(at, "Must be true or false."));
                }

                break;
            case "array": CheckArray(schema, value, at, errors); break;
            case "object": CheckObject(schema, value, at, errors); break;
        }
    }

    private static void CheckString(ResolvedSchema schema, JsonNode value, string at, List<FieldError> errors)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(new FieldError(at, "Must be a string."));
            return;
        }

        var text = value.GetValue<string>();
        var length = new System.Globalization.StringInfo(text).LengthInTextElements;
        if (schema.WholeNumber("minLength") is { } min && length < min)
        {
            errors.Add(new FieldError(at, min == 1 ? "Must not be empty." : $"Must be at least {min} characters long."));
        }

        if (schema.WholeNumber("maxLength") is { } max && length > max)
        {
            errors.Add(new FieldError(at, $"Must be at most {max} characters long."));
        }

        if (schema.Text("pattern") is { } pattern && !Matches(pattern, text))
        {
            errors.Add(new FieldError(at, $"Must match the pattern {pattern}."));
        }
    }

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static void CheckNumber(ResolvedSchema schema, JsonNode value, string at, List<FieldError> errors, bool integer)
    {
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            errors.Add(new FieldError(at, integer ? "Must be an integer." : "Must be a number."));
            return;
        }

        var number = value.GetValue<double>();
        if (integer && Math.Floor(number) != number)
        {
            errors.Add(new FieldError(at, "Must be a whole number."));
            return;
        }

        if (schema.Number("minimum") is { } min && (schema.Flag("exclusiveMinimum") ? number <= min : number < min))
        {
            errors.Add(new FieldError(at, schema.Flag("exclusiveMinimum") ? $"Must be greater than {min}." : $"Must be at least {min}."));
        }

        if (schema.Number("maximum") is { } max && (schema.Flag("exclusiveMaximum") ? number >= max : number > max))
        {
            errors.Add(new FieldError(at, schema.Flag("exclusiveMaximum") ? $"Must be less than {max}." : $"Must be at most {max}."));
        }
    }

    private void CheckArray(ResolvedSchema schema, JsonNode value, string at, List<FieldError> errors)
    {
        if (value is not JsonArray items)
        {
            errors.Add(new FieldError(at, "Must be an array."));
            return;
        }

        if (schema.WholeNumber("minItems") is { } min && items.Count < min)
        {
            errors.Add(new FieldError(at, $"Must have at least {min} item{(min == 1 ? "" : "s")}."));
        }

        if (schema.WholeNumber("maxItems") is { } max && items.Count > max)
        {
            errors.Add(new FieldError(at, $"Must have at most {max} items."));
        }

        if (schema.Flag("uniqueItems") && items.Select((item, i) => items.Take(i).Any(earlier => JsonNode.DeepEquals(earlier, item))).Any(repeated => repeated))
        {
            errors.Add(new FieldError(at, "Must not contain the same item twice."));
        }

        for (var i = 0; i < items.Count; i++)
        {
            Check(schema.Node["items"], JsonPointer.Append(schema.Location, "items"), schema.ReferenceChain, items[i], JsonPointer.Append(at, i), errors);
        }
    }

    private void CheckObject(ResolvedSchema schema, JsonNode value, string at, List<FieldError> errors)
    {
        if (value is not JsonObject obj)
        {
            errors.Add(new FieldError(at, "Must be an object."));
            return;
        }

        foreach (var name in schema.Required.Where(name => !obj.ContainsKey(name)))
        {
            if (missingRequired is null)
            {
                errors.Add(new FieldError(JsonPointer.Append(at, name), "Is required."));
            }
            else
            {
                missingRequired(JsonPointer.Append(at, name));
            }
        }

        var properties = schema.Properties ?? [];
        var additional = schema.Node["additionalProperties"];
        foreach (var (name, item) in obj)
        {
            var fieldAt = JsonPointer.Append(at, name);
            if (properties.TryGetPropertyValue(name, out var propertySchema))
            {
                Check(propertySchema, JsonPointer.Append(JsonPointer.Append(schema.Location, "properties"), name), schema.ReferenceChain, item, fieldAt, errors);
            }
            else if (additional is JsonObject)
            {
                Check(additional, JsonPointer.Append(schema.Location, "additionalProperties"), schema.ReferenceChain, item, fieldAt, errors);
            }
            else if (additional is JsonValue flag && flag.TryGetValue<bool>(out var allowed) && !allowed)
            {
                errors.Add(new FieldError(fieldAt, "Is not an input of this task."));
            }
        }
    }
}
