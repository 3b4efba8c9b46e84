using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.BadInput;

/// <summary>
/// Malformed and hostile OpenAPI documents registered as task definitions (pasted, in a bundle, or imported
/// by URL): each is refused with a 422 that says why, no external reference is ever fetched (a listener
/// on loopback, the target of every external reference, receives nothing), nothing recurses until the
/// silo falls over, and the org's stored task, artifact and job read back as they were.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class HostileTaskDocumentTests(PlatformFixture fixture) : IAsyncLifetime
{
    private const string Input = """{ "type": "object", "properties": { "text": { "type": "string" } } }""";

    private readonly PlatformUnderTest platform = fixture.Platform;
    private EchoService echo = null!;
    private RecordingListener listener = null!;

    public async Task InitializeAsync()
    {
        echo = await EchoService.StartAsync();
        listener = await RecordingListener.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await listener.DisposeAsync();
        await echo.DisposeAsync();
    }

    /// <summary>Every case, by what it is: a document's text (JSON or YAML).</summary>
    private Dictionary<string, string> HostileDocuments()
    {
        var remote = new Uri(listener.Address, "schema.json").ToString();
        return new Dictionary<string, string>
        {
            ["over the size limit (1.5 MiB)"] = Document(Input, description: new string('x', 1536 * 1024)),
            ["JSON nested 10,000 deep"] = new string('[', 10_000) + new string(']', 10_000),
            ["a schema nested 200 deep"] = Document(string.Concat(Enumerable.Repeat("""{ "type": "object", "properties": { "a": """, 200)) + "{}" + new string('}', 400)),
            ["YAML flow nested 10,000 deep"] = "openapi: " + new string('[', 10_000) + new string(']', 10_000),
            ["YAML block sequences nested 100,000 deep"] = "openapi: 3.0.3\npaths:\n  " + string.Concat(Enumerable.Repeat("- ", 100_000)) + "x\n",
            ["YAML block mappings nested 1,000 deep"] = string.Concat(Enumerable.Range(0, 1_000).Select(depth => new string(' ', depth) + "a:\n")) + new string(' ', 1_000) + "b: 1\n",
            ["YAML aliases expanding a billion times"] = BillionLaughs(),
            ["a recursive input schema"] = Document("""{ "$ref": "#/components/schemas/Node" }""",
                components: """{ "Node": { "type": "object", "properties": { "next": { "$ref": "#/components/schemas/Node" } } } }"""),
            ["a reference cycle (A to B to A)"] = Document("""{ "$ref": "#/components/schemas/A" }""",
                components: """{ "A": { "$ref": "#/components/schemas/B" }, "B": { "$ref": "#/components/schemas/A" } }"""),
            ["a schema that is its own reference"] = Document("""{ "$ref": "#/components/schemas/Self" }""", components: """{ "Self": { "$ref": "#/components/schemas/Self" } }"""),
            ["an input $ref to file:///etc/passwd"] = Document("""{ "$ref": "file:///etc/passwd" }"""),
            ["an input $ref to a relative file"] = Document("""{ "$ref": "../../../../etc/passwd#/x" }"""),
            ["an input $ref to a URL on loopback"] = Document($$"""{ "$ref": "{{remote}}" }"""),
            ["an output $ref to a URL on loopback"] = Document(Input, output: $$"""{ "$ref": "{{remote}}#/Output" }"""),
            ["a property $ref to a URL on loopback"] = Document($$"""{ "type": "object", "properties": { "a": { "$ref": "{{remote}}" } } }"""),
            ["a component $ref to a URL on loopback"] = Document(Input, components: $$"""{ "Remote": { "$ref": "{{remote}}" } }"""),
            ["a path item $ref to a URL on loopback"] = Document(Input, extraPaths: $$""", "/remote": { "$ref": "{{remote}}" }"""),
            ["a parameter $ref to a URL on loopback"] = Document(Input, parameters: $$"""[ { "$ref": "{{remote}}" } ]"""),
            ["an example $ref to a URL on loopback"] = Document(Input, examples: $$"""{ "remote": { "$ref": "{{remote}}" } }"""),
            ["an example's externalValue on loopback"] = Document(Input, examples: $$"""{ "remote": { "externalValue": "{{remote}}" } }"""),
            ["a YAML input $ref to a URL on loopback"] = $$"""
                openapi: 3.0.3
                info: { title: Remote, version: 1.0.0 }
                paths:
                  /run:
                    post:
                      operationId: run
                      requestBody:
                        content:
                          application/json:
                            schema:
                              $ref: '{{remote}}'
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: { type: object }
                """,
            ["not OpenAPI at all"] = "\u0000\u0001binary\uFFFD junk",
            ["an empty object"] = "{}",
        };
    }

    [Fact]
    public async Task Hostile_documents_pasted_or_bundled_are_refused_with_a_422_and_never_fetch_anything()
    {
        var baseline = await OrgBaseline.CaptureAsync(fixture, echo.Address);
        using var admin = platform.CreateClient(baseline.Scenario.AdminToken);
        var refusedWithout422 = new List<string>();

        var index = 0;
        foreach (var (what, document) in HostileDocuments())
        {
            // A name of its own per case: one wrongly accepted must not turn the next into a 409.
            var name = $"hostile-{++index}";
            using var pasted = await admin.PostAsJsonAsync("/api/v1/tasks", new { name, version = "1.0.0", document, deployment = new { image = "moldash/hostile:1" } });
            using var bundled = await admin.PostAsJsonAsync("/api/v1/tasks/bundle",
                new { tasks = new[] { new { name = name + "-bundled", version = "1.0.0", status = "Draft", document, deployment = new { image = "moldash/hostile:1" } } } });
            foreach (var (how, response) in new[] { ("pasted", pasted), ("bundled", bundled) })
            {
                if (response.StatusCode != HttpStatusCode.UnprocessableEntity)
                {
                    refusedWithout422.Add($"{what} ({how}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                else
                {
                    await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
                }
            }

            Assert.True(listener.Requests.IsEmpty, $"{what}: the platform fetched {string.Join(", ", listener.Requests)}");
            await baseline.AssertHealthyAndIntactAsync(what);
        }

        Assert.True(refusedWithout422.Count == 0, string.Join('\n', refusedWithout422.Select(line => line[..Math.Min(line.Length, 400)])));
        var listed = await admin.GetStringAsync("/api/v1/tasks");
        Assert.DoesNotContain("hostile", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recursive_output_schemas_are_valid_openapi_and_load_without_recursing_forever()
    {
        var baseline = await OrgBaseline.CaptureAsync(fixture, echo.Address);
        using var admin = platform.CreateClient(baseline.Scenario.AdminToken);
        var documents = new Dictionary<string, string>
        {
            ["a tree"] = Document(Input, output: """{ "$ref": "#/components/schemas/Tree" }""",
                components: """{ "Tree": { "type": "object", "properties": { "children": { "type": "array", "items": { "$ref": "#/components/schemas/Tree" } } } } }"""),
            ["an allOf cycle"] = Document(Input, output: """{ "$ref": "#/components/schemas/A" }""",
                components: """{ "A": { "allOf": [ { "$ref": "#/components/schemas/B" } ] }, "B": { "allOf": [ { "$ref": "#/components/schemas/A" } ] } }"""),
        };

        var index = 0;
        foreach (var (what, document) in documents)
        {
            var name = $"recursive-{++index}";
            using var created = await admin.PostAsJsonAsync("/api/v1/tasks", new { name, version = "1.0.0", document, deployment = new { image = "moldash/tree:1" } });
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"{what}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            using var form = await admin.GetAsync($"/api/v1/tasks/{name}/versions/1.0.0/form");
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            await baseline.AssertHealthyAndIntactAsync(what);
        }
    }

    [Fact]
    public async Task A_document_imported_by_url_is_fetched_once_and_its_external_references_never()
    {
        var baseline = await OrgBaseline.CaptureAsync(fixture, echo.Address);
        using var admin = platform.CreateClient(baseline.Scenario.AdminToken);
        var remote = new Uri(listener.Address, "schema.json").ToString();
        listener.Documents["/openapi.json"] = Document($$"""{ "$ref": "{{remote}}" }""");
        listener.Documents["/schema.json"] = Input;

        using var imported = await admin.PostAsJsonAsync("/api/v1/tasks/import",
            new { url = new Uri(listener.Address, "openapi.json").ToString(), name = "imported", version = "1.0.0", deployment = new { image = "moldash/remote:1" } });

        var problem = await imported.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("outside the document", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["/openapi.json"], listener.Requests);
        await baseline.AssertHealthyAndIntactAsync("an import with an external reference");
    }

    private static string Document(
        string input, string output = """{ "type": "object" }""", string components = "{}", string extraPaths = "", string parameters = "[]",
        string examples = "{}", string description = "A task") => $$"""
        {
          "openapi": "3.0.3",
          "info": { "title": "Hostile", "version": "1.0.0", "description": "{{description}}" },
          "paths": {
            "/run": {
              "post": {
                "operationId": "run",
                "parameters": {{parameters}},
                "requestBody": { "required": true, "content": { "application/json": { "schema": {{input}}, "examples": {{examples}} } } },
                "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": {{output}} } } } }
              }
            }{{extraPaths}}
          },
          "components": { "schemas": {{components}} }
        }
        """;

    /// <summary>Nine levels of aliases, each naming the one before ten times: a billion "lol"s if expanded.</summary>
    private static string BillionLaughs()
    {
        var yaml = new StringBuilder("openapi: 3.0.3\nl0: &l0 lol\n");
        for (var level = 1; level <= 9; level++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");
        }

        return yaml.Append("paths: *l9\n").ToString();
    }
}
