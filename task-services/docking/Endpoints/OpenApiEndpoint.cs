namespace MolDash.Docking.Endpoints;

/// <summary>
/// Serves the hand-written OpenAPI 3.0 document: it carries what a generated one would not (ranges,
/// defaults, enums, examples, file fields with their formats, x-moldash-task).
/// </summary>
public static class OpenApiEndpoint
{
    public const string ResourceName = "MolDash.Docking.openapi.json";

    public static IEndpointRouteBuilder MapOpenApiDocument(this IEndpointRouteBuilder app)
    {
        var document = Load();
        app.MapGet("/openapi.json", () => TypedResults.Text(document, "application/json")).WithTags("meta");
        return app;
    }

    public static string Load()
    {
        using var stream = typeof(OpenApiEndpoint).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
