using MolDash.Grains.Registry;

namespace MolDash.Grains.Tests.Registry;

public sealed class TaskDocumentLoaderTests
{
    [Fact]
    public void A_minimal_json_document_loads_with_its_single_post_as_the_task()
    {
        var result = TaskDocumentLoader.Load(TaskDocuments.Minimal(), null);

        Assert.Empty(result.Errors);
        Assert.Equal("run", result.Contract!.Operation.OperationId);
        Assert.Equal("/paths/~1run/post/requestBody/content/application~1json/schema", result.Contract.Operation.InputSchemaPointer);
        Assert.Equal("/paths/~1run/post/responses/200/content/application~1json/schema", result.Contract.Operation.OutputSchemaPointer);
    }

    [Fact]
    public void A_yaml_document_loads_and_is_stored_as_json()
    {
        const string yaml = """
            openapi: 3.0.3
            info: {title: Echo, version: '1.0'}
            paths:
              /run:
                post:
                  operationId: run
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            note: {type: string, nullable: true, default: ~}
                            count: {type: integer, minimum: 1, maximum: 5, default: 2}
                            code: {type: string, maxLength: 3}
                  responses:
                    '201':
                      description: made
                      content:
                        application/json:
                          schema: {type: object}
            """;

        var result = TaskDocumentLoader.Load(yaml, null);

        Assert.Empty(result.Errors);
        Assert.StartsWith("{\"openapi\":\"3.0.3\"", result.Contract!.DocumentJson, StringComparison.Ordinal);
        Assert.Equal("null", result.Contract.Form.Fields[0].Default!.Json);
        Assert.Equal((1d, 5d, "2"), (result.Contract.Form.Fields[1].Minimum, result.Contract.Form.Fields[1].Maximum, result.Contract.Form.Fields[1].Default!.Json));
        Assert.Equal(
            ["/count", "/code"],
            result.Contract.ValidateParameters(System.Text.Json.Nodes.JsonNode.Parse("""{ "count": 9, "code": "abcd" }""")).Select(error => error.Pointer));
    }

    [Theory]
    [InlineData("{\"openapi\": ", "not valid JSON")]
    [InlineData("openapi: [3.0\npaths: x: y", "valid YAML")]
    [InlineData("   ", "empty")]
    public void Syntax_errors_point_at_the_document_and_say_where(string text, string expected)
    {
        var error = Assert.Single(TaskDocumentLoader.Load(text, null).Errors);

        Assert.Equal("", error.Pointer);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Swagger_2_is_refused_by_its_version_not_converted()
    {
        const string swagger = """{"swagger":"2.0","info":{"title":"t","version":"1"},"paths":{}}""";

        var error = Assert.Single(TaskDocumentLoader.Load(swagger, null).Errors);

        Assert.Equal("/swagger", error.Pointer);
        Assert.Contains("Swagger 2.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenApi_3_1_is_refused_by_its_version()
    {
        var document = TaskDocuments.Minimal().Replace("\"3.0.3\"", "\"3.1.0\"", StringComparison.Ordinal);

        var error = Assert.Single(TaskDocumentLoader.Load(document, null).Errors);

        Assert.Equal("/openapi", error.Pointer);
        Assert.Contains("3.1.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_microsoft_openapi_finds_come_back_with_their_pointer()
    {
        var document = TaskDocuments.Minimal().Replace("\"version\": \"1.0.0\"", "\"x-no-version\": true", StringComparison.Ordinal);

        var errors = TaskDocumentLoader.Load(document, null).Errors;

        Assert.Contains(errors, error => error.Pointer == "/info/version");
    }

    [Fact]
    public void Errors_microsoft_openapi_places_in_its_message_get_that_place_as_pointer()
    {
        var document = TaskDocuments.WithInput("""{ "type": "object", "properties": { "seed": { "type": "integer", "examples": [1] } } }""");

        var errors = TaskDocumentLoader.Load(document, null).Errors;

        Assert.Contains(errors, error => error.Pointer.EndsWith("/properties/seed", StringComparison.Ordinal) && error.Message.Contains("examples", StringComparison.Ordinal));
    }

    [Fact]
    public void External_references_are_refused_and_never_fetched()
    {
        var document = TaskDocuments.WithInput("""{ "$ref": "https://example.invalid/schemas.json#/Input" }""");

        var error = Assert.Single(TaskDocumentLoader.Load(document, null).Errors);

        Assert.Equal("/paths/~1run/post/requestBody/content/application~1json/schema/$ref", error.Pointer);
        Assert.Contains("outside the document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_a_missing_local_schema_is_an_error_not_an_empty_schema()
    {
        var document = TaskDocuments.WithInput("""{ "$ref": "#/components/schemas/Missing" }""", """{ "Present": { "type": "object" } }""");

        var error = Assert.Single(TaskDocumentLoader.Load(document, null).Errors);

        Assert.EndsWith("/schema/$ref", error.Pointer, StringComparison.Ordinal);
        Assert.Contains("#/components/schemas/Missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_operation_ids_are_reported_at_the_second_one()
    {
        var document = TaskDocuments.Minimal().Replace("\"paths\": {", """
            "paths": { "/other": { "get": { "operationId": "run", "responses": { "200": { "description": "ok" } } } },
            """, StringComparison.Ordinal);

        var errors = TaskDocumentLoader.Load(document, null).Errors;

        Assert.Contains(errors, error => error.Message.Contains("\"run\" is already used", StringComparison.Ordinal));
    }

    [Fact]
    public void An_enum_default_outside_its_enum_is_reported_at_the_default()
    {
        var document = TaskDocuments.WithInput("""
            { "type": "object", "properties": { "mode": { "type": "string", "enum": ["fast", "exact"], "default": "slow" } } }
            """);

        var error = Assert.Single(TaskDocumentLoader.Load(document, null).Errors);

        Assert.EndsWith("/properties/mode/default", error.Pointer, StringComparison.Ordinal);
        Assert.Contains("\"slow\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_over_the_size_limit_is_refused_before_parsing()
    {
        var document = TaskDocuments.WithInput($$"""{ "type": "object", "description": "{{new string('x', TaskDocumentLimits.MaxBytes)}}" }""");

        var error = Assert.Single(TaskDocumentLoader.Load(document, null).Errors);

        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('{')]
    [InlineData('y')]
    public void Deeply_nested_documents_are_refused_in_json_and_yaml(char format)
    {
        var nested = string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000));
        var document = format == '{' ? $$"""{ "openapi": "3.0.3", "x": {{nested}} }""" : $"openapi: 3.0.3\nx: {nested}\n";

        var error = Assert.Single(TaskDocumentLoader.Load(document, null).Errors);

        Assert.Equal("", error.Pointer);
    }

    [Fact]
    public void Without_a_marker_several_posts_are_ambiguous_and_listed()
    {
        var document = TaskDocuments.Minimal().Replace("\"paths\": {", """
            "paths": { "/second": { "post": { "operationId": "second", "responses": { "200": { "description": "ok" } } } },
            """, StringComparison.Ordinal);

        var error = Assert.Single(TaskDocumentLoader.Load(document, null).Errors);

        Assert.Equal("/paths", error.Pointer);
        Assert.Contains("second", error.Message, StringComparison.Ordinal);
        Assert.Contains("x-moldash-task", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_marked_post_is_the_task_when_there_are_several()
    {
        var document = TaskDocuments.Minimal().Replace("\"operationId\": \"run\",", "\"operationId\": \"run\", \"x-moldash-task\": true,", StringComparison.Ordinal)
            .Replace("\"paths\": {", """
            "paths": { "/second": { "post": { "operationId": "second", "responses": { "200": { "description": "ok" } } } },
            """, StringComparison.Ordinal);

        Assert.Equal("run", TaskDocumentLoader.Load(document, null).Contract?.Operation.OperationId);
    }

    [Fact]
    public void A_named_operation_that_is_not_a_post_is_reported_with_the_posts_there_are()
    {
        var error = Assert.Single(TaskDocumentLoader.Load(TaskDocuments.Minimal(), "nope").Errors);

        Assert.Contains("no POST operation with operationId \"nope\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_operation_without_a_json_body_or_success_schema_says_which_is_missing()
    {
        const string document = """
            { "openapi": "3.0.3", "info": { "title": "t", "version": "1" },
              "paths": { "/run": { "post": { "operationId": "run",
                "requestBody": { "content": { "text/plain": { "schema": { "type": "string" } } } },
                "responses": { "202": { "description": "later" } } } } } }
            """;

        var errors = TaskDocumentLoader.Load(document, null).Errors;

        Assert.Contains(errors, error => error.Pointer == "/paths/~1run/post/requestBody" && error.Message.Contains("application/json", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Pointer == "/paths/~1run/post/responses" && error.Message.Contains("200 or 201", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "type": "object", "properties": { "a": { "oneOf": [ { "type": "string" }, { "type": "integer" } ] } } }""", "/properties/a/oneOf")]
    [InlineData("""{ "type": "object", "properties": { "a": { "anyOf": [ { "type": "string" } ] } } }""", "/properties/a/anyOf")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "array" } } }""", "/properties/a")]
    [InlineData("""{ "type": "object", "properties": { "a": { "description": "what is it?" } } }""", "/properties/a")]
    [InlineData("""{ "type": "object", "properties": { "a": { "type": "string", "pattern": "([a-z" } } }""", "/properties/a/pattern")]
    [InlineData("""{ "type": "string" }""", "/schema")]
    public void Input_constructs_a_form_cannot_represent_are_refused_where_they_are(string inputSchema, string pointerEnd)
    {
        var errors = TaskDocumentLoader.Load(TaskDocuments.WithInput(inputSchema), null).Errors;

        Assert.Contains(errors, error => error.Pointer.EndsWith(pointerEnd, StringComparison.Ordinal));
    }

    [Fact]
    public void A_recursive_input_schema_is_refused()
    {
        var document = TaskDocuments.WithInput("""{ "$ref": "#/components/schemas/Node" }""",
            """{ "Node": { "type": "object", "properties": { "child": { "$ref": "#/components/schemas/Node" } } } }""");

        var errors = TaskDocumentLoader.Load(document, null).Errors;

        Assert.Contains(errors, error => error.Message.Contains("contains itself", StringComparison.Ordinal));
    }

    [Fact]
    public void The_docking_document_loads_and_asks_which_of_its_four_tasks()
    {
        var error = Assert.Single(TaskDocumentLoader.Load(TaskDocuments.Docking(), null).Errors);

        foreach (var task in new[] { "prepareReceptor", "prepareLigand", "dock", "properties" })
        {
            Assert.Contains(task, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("prepareReceptor", "/prepare-receptor")]
    [InlineData("prepareLigand", "/prepare-ligand")]
    [InlineData("dock", "/dock")]
    [InlineData("properties", "/properties")]
    public void Each_docking_task_loads_by_its_operation_id(string operationId, string path)
    {
        var result = TaskDocumentLoader.Load(TaskDocuments.Docking(), operationId);

        Assert.Empty(result.Errors);
        Assert.Equal(path, result.Contract!.Operation.Path);
    }
}
