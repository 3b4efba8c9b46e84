using System.Text.Json.Nodes;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Registry;

/// <summary>
/// Finds the task's operation: the one named, else the only POST marked <c>x-moldash-task: true</c>,
/// else the only POST. It needs a JSON request body schema (the input) and a 200 or 201 JSON response
/// schema (the output).
/// </summary>
public static class TaskOperationSelector
{
    public const string TaskMarker = "x-moldash-task";
    private static readonly string[] SuccessStatuses = ["200", "201"];

    public static TaskOperation? Select(JsonNode root, string? operationId, List<FieldError> errors)
    {
        var posts = (root["paths"] as JsonObject ?? [])
            .Where(path => path.Value is JsonObject item && item["post"] is JsonObject)
            .Select(path => (Path: path.Key, Pointer: JsonPointer.Append(JsonPointer.Append("/paths", path.Key), "post"), Operation: (JsonObject)path.Value!["post"]!))
            .ToList();

        var candidates = operationId is null
            ? posts.Where(post => post.Operation[TaskMarker] is JsonValue marker && marker.TryGetValue<bool>(out var isTask) && isTask).ToList()
            : [.. posts.Where(post => IdOf(post.Operation) == operationId)];
        if (operationId is null && candidates.Count == 0)
        {
            candidates = posts;
        }

        if (candidates.Count != 1)
        {
            errors.Add(new FieldError("/paths", DescribeMissing(operationId, posts.Select(post => IdOf(post.Operation) ?? post.Path).ToList(), candidates.Count)));
            return null;
        }

        var (path, pointer, operation) = candidates[0];
        var id = IdOf(operation);
        if (id is null)
        {
            errors.Add(new FieldError(pointer, "The task operation needs an operationId, which names it in pipelines and forms."));
        }

        var input = JsonSchemaOf(operation["requestBody"], JsonPointer.Append(pointer, "requestBody"), root);
        if (input is null)
        {
            errors.Add(new FieldError(JsonPointer.Append(pointer, "requestBody"),
                "The task operation needs a request body with an application/json schema: that schema is the task's input."));
        }

        var output = SuccessStatuses
            .Select(status => JsonSchemaOf((operation["responses"] as JsonObject)?[status], JsonPointer.Append(JsonPointer.Append(pointer, "responses"), status), root))
            .FirstOrDefault(schema => schema is not null);
        if (output is null)
        {
            errors.Add(new FieldError(JsonPointer.Append(pointer, "responses"),
                "The task operation needs a 200 or 201 response with an application/json schema: that schema is the task's output."));
        }

        return id is null || input is null || output is null ? null : new TaskOperation(id, path, input, output);
    }

    private static string DescribeMissing(string? operationId, List<string> posts, int matches) => (operationId, posts.Count, matches) switch
    {
        (_, 0, _) => "The document has no POST operation; a task is a POST whose JSON body is its input.",
        (not null, _, _) => $"There is no POST operation with operationId \"{operationId}\"; the POST operations are: {string.Join(", ", posts)}.",
        _ => $"Several operations could be the task ({string.Join(", ", posts)}); name one with operationId, or mark exactly one with \"{TaskMarker}\": true.",
    };

    private static string? IdOf(JsonObject operation) =>
        operation["operationId"] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;

    /// <summary>The pointer to the JSON schema of a request body or response, following a $ref to either.</summary>
    private static string? JsonSchemaOf(JsonNode? holder, string pointer, JsonNode root)
    {
        while (holder is JsonObject obj && obj["$ref"] is JsonValue refValue && refValue.TryGetValue<string>(out var reference)
            && reference.StartsWith('#') && JsonPointer.TryResolve(root, reference, out var target))
        {
            holder = target;
            pointer = reference[1..];
        }

        if (holder?["content"] is not JsonObject content)
        {
            return null;
        }

        var json = content.FirstOrDefault(media => IsJson(media.Key) && media.Value?["schema"] is JsonObject);
        return json.Key is null ? null : JsonPointer.Append(JsonPointer.Append(JsonPointer.Append(pointer, "content"), json.Key), "schema");
    }

    private static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
