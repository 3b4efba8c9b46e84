namespace MolDash.Grains.Tests.Registry;

/// <summary>Hand-written task documents: a minimal valid one to vary, and the docking service's real one.</summary>
public static class TaskDocuments
{
    /// <summary>A copy of the docking service's GET /openapi.json (task-services/docking/OpenApi/openapi.json).</summary>
    public static string Docking() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Registry", "TestData", "docking-openapi.json"));

    /// <summary>One POST task whose input schema is <paramref name="inputSchema"/> (JSON), with extra components.</summary>
    public static string WithInput(string inputSchema, string components = "{}") => $$"""
        {
          "openapi": "3.0.3",
          "info": { "title": "Echo", "version": "1.0.0" },
          "paths": {
            "/run": {
              "post": {
                "operationId": "run",
                "requestBody": { "required": true, "content": { "application/json": { "schema": {{inputSchema}} } } },
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object" } } } } }
              }
            }
          },
          "components": { "schemas": {{components}} }
        }
        """;

    public static string Minimal() => WithInput("""{ "type": "object", "properties": { "text": { "type": "string" } } }""");
}
