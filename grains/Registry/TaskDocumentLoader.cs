using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Registry;

/// <summary>
/// Loads a task's OpenAPI 3.0 document (JSON or YAML): Microsoft.OpenApi validates it as OpenAPI, the
/// registry adds the checks that library does not make, then the task operation is chosen and its input
/// schema turned into a form. Every problem comes back with a JSON pointer into the document.
/// </summary>
public static class TaskDocumentLoader
{
    // Never used to fetch anything (external references are refused and LoadExternalRefs is off);
    // Microsoft.OpenApi only needs a base to resolve the document's own references against.
    private static readonly Uri DocumentBase = new("https://task-document.moldash.invalid/openapi.json");

    public static TaskDocumentLoadResult Load(string text, string? operationId)
    {
        var errors = new List<FieldError>();
        var root = RawDocumentParser.Parse(text, errors);
        if (root is null)
        {
            return TaskDocumentLoadResult.Failed(errors);
        }

        if (root is not JsonObject)
        {
            return TaskDocumentLoadResult.Failed([new FieldError("", "An OpenAPI document is a JSON object with 'openapi', 'info' and 'paths'.")]);
        }

        ValidateAsOpenApi(root, errors);
        if (errors.Count > 0)
        {
            return TaskDocumentLoadResult.Failed(errors);
        }

        RegistryDocumentChecks.Run(root, errors);
        var operation = TaskOperationSelector.Select(root, operationId, errors);
        if (errors.Count > 0 || operation is null)
        {
            return TaskDocumentLoadResult.Failed(errors);
        }

        var contract = TaskContract.Create(root, operation, errors);
        return contract is null ? TaskDocumentLoadResult.Failed(errors) : new TaskDocumentLoadResult(contract, []);
    }

    private static void ValidateAsOpenApi(JsonNode root, List<FieldError> errors)
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        var (document, diagnostic) = new OpenApiJsonReader().Read(root.DeepClone(), DocumentBase, settings);
        errors.AddRange((diagnostic?.Errors ?? []).Select(error => new FieldError(ToPointer(error.Pointer, error.Message), error.Message)));

        // Swagger 2.0 and OpenAPI 3.1 load without an error, converted to the 3.0 model: only the
        // diagnostic's version tells, and only when a document came back at all.
        if (document is null || errors.Count > 0)
        {
            if (document is null && errors.Count == 0)
            {
                errors.Add(new FieldError("", "The document could not be read as OpenAPI."));
            }

            return;
        }

        switch (diagnostic?.SpecificationVersion)
        {
            case OpenApiSpecVersion.OpenApi3_0:
                break;
            case OpenApiSpecVersion.OpenApi2_0:
                errors.Add(new FieldError("/swagger", "This is a Swagger 2.0 document; tasks are described in OpenAPI 3.0. Convert it (for example with swagger2openapi) and submit the result."));
                break;
            default:
                errors.Add(new FieldError("/openapi", $"Only OpenAPI 3.0.x is accepted, not {root["openapi"]?.ToString() ?? "this version"}; declare \"openapi\": \"3.0.3\" and use 3.0 schemas (nullable instead of type lists)."));
                break;
        }
    }

    /// <summary>
    /// Microsoft.OpenApi reports "#/paths/~1x", or leaves the pointer empty and names the place at the end
    /// of its message ("… at #/components/…"); the registry reports RFC 6901 pointers ("/paths/~1x").
    /// </summary>
    private static string ToPointer(string? pointer, string message)
    {
        if (!string.IsNullOrEmpty(pointer))
        {
            return pointer.StartsWith("#line", StringComparison.Ordinal) ? "" : pointer.TrimStart('#');
        }

        var at = message.LastIndexOf(" at #/", StringComparison.Ordinal);
        return at < 0 ? "" : message[(at + " at #".Length)..];
    }
}
