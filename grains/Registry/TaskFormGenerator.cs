using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Grains.Registry;

/// <summary>
/// Generates the form a user fills from a task's input schema, and reports what in that schema a form
/// cannot represent (so a task is refused when it is stored, not when someone opens its form).
/// </summary>
public sealed class TaskFormGenerator(JsonNode root)
{
    /// <summary>The extension that marks a string field as a molecule or other file given as text or by reference.</summary>
    public const string FileExtension = "x-moldash-file";

    private readonly SchemaResolver resolver = new(root);

    public TaskForm? Generate(TaskOperation operation, List<FieldError> errors)
    {
        var input = resolver.Resolve(Node(operation.InputSchemaPointer), operation.InputSchemaPointer, [], errors);
        if (input is null)
        {
            return null;
        }

        if (input.Type is not (null or "object") || input.Properties is null)
        {
            errors.Add(new FieldError(input.Location, "The task's input schema must be an object with properties: each property becomes a form field."));
            return null;
        }

        var fields = FieldsOf(input, "", 1, errors);
        return new TaskForm(operation.OperationId, input.Text("title"), input.Text("description"), fields);
    }

    /// <summary>The form field for one already resolved schema, its value at <paramref name="valuePointer"/>.</summary>
    public FormField? FieldFromSchema(string name, ResolvedSchema schema, string valuePointer, List<FieldError> errors) =>
        FieldOf(name, schema.Node, schema.Location, valuePointer, schema.ReferenceChain, 1, errors);

    private List<FormField> FieldsOf(ResolvedSchema schema, string valuePointer, int depth, List<FieldError> errors)
    {
        var required = schema.Required;
        var fields = new List<FormField>();
        var order = 0;
        foreach (var (name, property) in schema.Properties ?? [])
        {
            var schemaPointer = JsonPointer.Append(JsonPointer.Append(schema.Location, "properties"), name);
            var field = FieldOf(name, property, schemaPointer, JsonPointer.Append(valuePointer, name), schema.ReferenceChain, depth, errors);
            if (field is not null)
            {
                fields.Add(field with { Required = required.Contains(name, StringComparer.Ordinal), Order = order++ });
            }
        }

        return fields;
    }

    private FormField? FieldOf(string name, JsonNode? node, string schemaPointer, string valuePointer, IReadOnlyList<string> chain, int depth, List<FieldError> errors)
    {
        if (depth > TaskDocumentLimits.MaxFormDepth)
        {
            errors.Add(new FieldError(schemaPointer, $"The input nests deeper than {TaskDocumentLimits.MaxFormDepth} levels; a form that deep cannot be filled in."));
            return null;
        }

        var schema = resolver.Resolve(node, schemaPointer, chain, errors);
        if (schema is null)
        {
            return null;
        }

        var kind = KindOf(schema, errors);
        if (kind is null)
        {
            return null;
        }

        CheckPattern(schema, errors);
        var file = schema.Node[FileExtension] as JsonObject;
        var field = new FormField
        {
            Name = name,
            Pointer = valuePointer,
            Kind = kind.Value,
            Label = schema.Text("title") ?? Humanize(name),
            Description = schema.Text("description"),
            Default = Text(schema.Node["default"], schema.Node.ContainsKey("default")),
            Minimum = schema.Number("minimum"),
            Maximum = schema.Number("maximum"),
            ExclusiveMinimum = schema.Flag("exclusiveMinimum"),
            ExclusiveMaximum = schema.Flag("exclusiveMaximum"),
            MinLength = schema.WholeNumber("minLength"),
            MaxLength = schema.WholeNumber("maxLength"),
            Pattern = schema.Text("pattern"),
            Format = schema.Text("format"),
            Nullable = schema.Flag("nullable"),
            MinItems = schema.WholeNumber("minItems"),
            MaxItems = schema.WholeNumber("maxItems"),
            Examples = schema.Node.ContainsKey("example") ? [Text(schema.Node["example"], true)!] : [],
            Options = schema.Node["enum"] is JsonArray values ? [.. values.Select(value => Text(value, true)!)] : [],
            AcceptedFormats = file?["accept"] is JsonArray accept ? [.. accept.Select(format => format?.ToString() ?? "")] : [],
            FormatField = file?["formatField"]?.ToString(),
        };

        return kind switch
        {
            FormFieldKind.Array => field with { Items = FieldOf(name, schema.Node["items"], JsonPointer.Append(schema.Location, "items"), valuePointer + "/-", schema.ReferenceChain, depth + 1, errors) },
            FormFieldKind.Object => field with { Fields = FieldsOf(schema, valuePointer, depth + 1, errors) },
            _ => field,
        };
    }

    private static FormFieldKind? KindOf(ResolvedSchema schema, List<FieldError> errors)
    {
        var type = schema.Type;
        if (schema.Node.ContainsKey(FileExtension) || (type == "string" && schema.Text("format") is "binary" or "byte"))
        {
            return FormFieldKind.File;
        }

        if (schema.Node["enum"] is JsonArray)
        {
            return FormFieldKind.Select;
        }

        switch (type)
        {
            case "string": return FormFieldKind.Text;
            case "number": return FormFieldKind.Number;
            case "integer": return FormFieldKind.Integer;
            case "boolean": return FormFieldKind.Boolean;
            case "object": return FormFieldKind.Object;
            case null when schema.Properties is not null: return FormFieldKind.Object;
            case "array" when schema.Node["items"] is JsonObject: return FormFieldKind.Array;
            case "array":
                errors.Add(new FieldError(schema.Location, "An array input needs an 'items' schema so the form knows what each entry is."));
                return null;
            default:
                errors.Add(new FieldError(schema.Location, type is null
                    ? "This input has no 'type'; give it one of string, number, integer, boolean, array or object."
                    : $"The type '{type}' is not an OpenAPI 3.0 type; use string, number, integer, boolean, array or object."));
                return null;
        }
    }

    private static void CheckPattern(ResolvedSchema schema, List<FieldError> errors)
    {
        if (schema.Text("pattern") is not { } pattern)
        {
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, ParameterValidator.PatternTimeout);
        }
        catch (ArgumentException e)
        {
            errors.Add(new FieldError(JsonPointer.Append(schema.Location, "pattern"), $"The pattern is not a valid regular expression: {e.Message}"));
        }
    }

    private static JsonText? Text(JsonNode? value, bool present) =>
        present ? new JsonText(value?.ToJsonString() ?? "null") : null;

    /// <summary>"autoboxPadding" → "Autobox padding", "ligand_format" → "Ligand format".</summary>
    private static string Humanize(string name)
    {
        var label = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-')
            {
                label.Append(' ');
            }
            else if (char.IsUpper(c) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                label.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                label.Append(i == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return label.ToString().Trim();
    }

    private JsonNode? Node(string pointer) => JsonPointer.TryResolve(root, pointer, out var node) ? node : null;
}
