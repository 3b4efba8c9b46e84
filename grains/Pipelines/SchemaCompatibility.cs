using System.Text.Json.Nodes;
using MolDash.Grains.Registry;

namespace MolDash.Grains.Pipelines;

/// <summary>
/// Whether every value an output field may hold is a value an input field accepts, so that an edge
/// found valid never hands a task something its schema refuses. Each reason names what differs.
/// </summary>
public static class SchemaCompatibility
{
    private const int MaxDepth = 16;

    /// <summary>Rank of numeric formats by range: a value fits any format of the same or a higher rank.</summary>
    private static readonly Dictionary<string, int> IntegerRanks = new(StringComparer.Ordinal) { ["int32"] = 1, ["int64"] = 2 };
    private static readonly Dictionary<string, int> NumberRanks = new(StringComparer.Ordinal) { ["float"] = 1, ["double"] = 2 };
    private const int Unbounded = 3;

    /// <returns>Why the output does not fit the input; empty when it does.</returns>
    public static List<string> Check(SchemaResolver outputs, ResolvedSchema output, SchemaResolver inputs, ResolvedSchema input)
    {
        var reasons = new List<string>();
        Compare(outputs, output, inputs, input, "", 0, reasons);
        return reasons;
    }

    private static void Compare(SchemaResolver outputs, ResolvedSchema output, SchemaResolver inputs, ResolvedSchema input, string at, int depth, List<string> reasons)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var where = at.Length == 0 ? "the output" : $"the output at {at}";
        CompareFiles(output, input, where, reasons);
        if (output.Flag("nullable") && !input.Flag("nullable"))
        {
            reasons.Add($"{where} may be null; the input does not accept null");
        }

        var inputType = TypeOf(input);
        if (inputType is null)
        {
            return;
        }

        var outputType = TypeOf(output);
        if (outputType is null)
        {
            reasons.Add($"{where} declares no type, so it cannot be shown to be {Article(inputType)}");
            return;
        }

        if (outputType != inputType && !(outputType == "integer" && inputType == "number"))
        {
            reasons.Add(outputType == "number" && inputType == "integer"
                ? $"{where} is a number, which may have a fraction; the input takes integers only"
                : $"{where} is {Article(outputType)}; the input takes {Article(inputType)}");
            return;
        }

        CompareEnums(output, input, where, outputType, reasons);
        CompareFormats(output, input, where, outputType, inputType, reasons);
        if (inputType == "object")
        {
            CompareObjects(outputs, output, inputs, input, at, where, depth, reasons);
        }
        else if (inputType == "array" && input.Node["items"] is not null)
        {
            if (outputs.Child(output, "-") is { } outputItems && inputs.Child(input, "-") is { } inputItems)
            {
                Compare(outputs, outputItems, inputs, inputItems, at + "/-", depth + 1, reasons);
            }
            else
            {
                reasons.Add($"{where} is an array whose items have no schema; the input's items must fit one");
            }
        }
    }

    private static void CompareFiles(ResolvedSchema output, ResolvedSchema input, string where, List<string> reasons)
    {
        if (input.Node[TaskFormGenerator.FileExtension] is not JsonObject inputFile || output.Node[TaskFormGenerator.FileExtension] is not JsonObject outputFile)
        {
            // Plain text can feed a file input (its format is then the format field's business), and a file is text to a plain string input.
            return;
        }

        var accepted = FormatsOf(inputFile);
        var given = FormatsOf(outputFile);
        if (accepted.Count == 0)
        {
            return;
        }

        if (given.Count == 0)
        {
            reasons.Add($"{where} is a file of unstated format; the input accepts {string.Join(", ", accepted)} only");
        }
        else if (given.Where(format => !accepted.Contains(format, StringComparer.OrdinalIgnoreCase)).ToList() is { Count: > 0 } foreign)
        {
            reasons.Add($"{where} is a {string.Join(" or ", foreign)} file; the input accepts {string.Join(", ", accepted)} only");
        }
    }

    private static void CompareEnums(ResolvedSchema output, ResolvedSchema input, string where, string outputType, List<string> reasons)
    {
        if (input.Node["enum"] is not JsonArray allowed)
        {
            return;
        }

        if (output.Node["enum"] is not JsonArray given)
        {
            reasons.Add($"{where} may be any {outputType}; the input accepts only {allowed.ToJsonString()}");
            return;
        }

        var foreign = given.Where(value => !allowed.Any(option => JsonNode.DeepEquals(option, value))).Select(value => value?.ToJsonString() ?? "null").ToList();
        if (foreign.Count > 0)
        {
            reasons.Add($"{where} may be {string.Join(" or ", foreign)}, which the input does not accept (it accepts {allowed.ToJsonString()})");
        }
    }

    private static void CompareFormats(ResolvedSchema output, ResolvedSchema input, string where, string outputType, string inputType, List<string> reasons)
    {
        var outputFormat = output.Text("format");
        var inputFormat = input.Text("format");
        if (inputFormat is null || outputFormat == inputFormat)
        {
            return;
        }

        var ranks = (outputType, inputType) switch
        {
            ("integer", "integer") => IntegerRanks,
            ("number", "number") => NumberRanks,
            // Any whole number fits a float or a double closely enough for a task's parameter.
            ("integer", "number") => null,
            _ => new Dictionary<string, int>(StringComparer.Ordinal),
        };
        if (ranks is null)
        {
            return;
        }

        var outputRank = outputFormat is null ? Unbounded : ranks.GetValueOrDefault(outputFormat, -1);
        var inputRank = ranks.GetValueOrDefault(inputFormat, -1);
        if (inputRank < 0 || outputRank < 0 || outputRank > inputRank)
        {
            reasons.Add(outputFormat is null
                ? $"{where} is {Article(outputType)} of any format; the input takes format {inputFormat} only"
                : $"{where} has format {outputFormat}; the input takes format {inputFormat}");
        }
    }

    private static void CompareObjects(SchemaResolver outputs, ResolvedSchema output, SchemaResolver inputs, ResolvedSchema input, string at, string where, int depth, List<string> reasons)
    {
        var outputProperties = output.Properties ?? [];
        var outputRequired = output.Required;
        foreach (var name in input.Required)
        {
            if (!outputProperties.ContainsKey(name))
            {
                reasons.Add($"the input requires {JsonPointer.Append(at, name)}, which {where} does not have");
            }
            else if (!outputRequired.Contains(name, StringComparer.Ordinal))
            {
                reasons.Add($"the input requires {JsonPointer.Append(at, name)}, which {where} does not always give");
            }
        }

        var closed = input.Node["additionalProperties"] is JsonValue flag && flag.TryGetValue<bool>(out var open) && !open;
        foreach (var (name, _) in outputProperties)
        {
            if (inputs.Child(input, name) is { } inputProperty)
            {
                if (outputs.Child(output, name) is { } outputProperty)
                {
                    Compare(outputs, outputProperty, inputs, inputProperty, JsonPointer.Append(at, name), depth + 1, reasons);
                }
            }
            else if (closed)
            {
                reasons.Add($"{where} has {JsonPointer.Append(at, name)}, which the input does not accept");
            }
        }
    }

    internal static List<string> FormatsOf(JsonObject file) =>
        file["accept"] is JsonArray accept ? [.. accept.Select(format => format?.ToString() ?? "").Where(format => format.Length > 0)] : [];

    internal static string? TypeOf(ResolvedSchema schema) => schema.Type ?? (schema.Properties is not null ? "object" : null);

    private static string Article(string type) => type switch
    {
        "integer" or "object" or "array" => $"an {type}",
        _ => $"a {type}",
    };
}
