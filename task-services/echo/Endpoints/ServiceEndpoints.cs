using System.Text.Json.Nodes;
using MolDash.EchoService.Echo;

namespace MolDash.EchoService.Endpoints;

/// <summary>The service's own endpoints: its OpenAPI document, health, readiness and execution counts.</summary>
public static class ServiceEndpoints
{
    private static readonly Lazy<string> OpenApiDocument = new(ReadOpenApiDocument);

    public static IEndpointRouteBuilder MapServiceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/openapi.json", () => Results.Text(OpenApiDocument.Value, "application/json"));
        app.MapGet("/healthz", () => Results.Text("healthy"));
        // Nothing to warm up or depend on: ready as soon as it listens.
        app.MapGet("/readyz", () => Results.Text("ready"));
        app.MapGet("/stats", (EchoRuns runs) =>
        {
            var stats = runs.Stats;
            var json = new JsonObject
            {
                ["executions"] = stats.Executions,
                ["duplicates"] = stats.Duplicates,
                ["inFlight"] = stats.InFlight,
                ["completed"] = stats.Completed,
                ["abandoned"] = stats.Abandoned,
            };
            return Results.Text(json.ToJsonString(), "application/json");
        });
        return app;
    }

    private static string ReadOpenApiDocument()
    {
        using var stream = typeof(ServiceEndpoints).Assembly.GetManifestResourceStream("MolDash.EchoService.openapi.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
