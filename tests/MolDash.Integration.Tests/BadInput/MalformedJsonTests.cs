using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.BadInput;

/// <summary>
/// Every operation that takes a JSON body, taken from the API's own OpenAPI document (so a new endpoint is
/// covered without editing this test), gets broken JSON, an array instead of an object, each field of the
/// wrong type, numbers too large for anything, deep nesting, invalid UTF-8 and a wrong content type. Each is a
/// 4xx ProblemDetails (400 or 422 for the body itself), never a 500; the platform stays ready and the org's
/// stored data reads back as it was.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class MalformedJsonTests(PlatformFixture fixture) : IAsyncLifetime
{
    private static readonly string HugeInteger = "9" + new string('0', 400);

    /// <summary>
    /// Bodies whose fields are all optional, so one whose fields are unknown or unread is a valid request: logout's
    /// (a token to revoke, if any) and cache invalidation's (no pipeline named: all of the org's entries); and the
    /// validate operations, which answer 200 with the problems they find. Every syntax case is still a 400 for them.
    /// </summary>
    private static readonly string[] LenientOperations = ["POST /api/v1/auth/logout", "POST /api/v1/cache/invalidate", "/validate"];

    private readonly PlatformUnderTest platform = fixture.Platform;
    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync();

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task Malformed_json_on_every_endpoint_is_a_4xx_problem_and_never_a_500()
    {
        var baseline = await OrgBaseline.CaptureAsync(fixture, echo.Address);
        var operations = await JsonBodyOperationsAsync();
        var failures = new List<string>();
        var cases = 0;

        foreach (var (operation, schema) in operations)
        {
            foreach (var (what, body, contentType) in Bodies(schema))
            {
                cases++;
                using var response = await CallAsync(baseline, operation, body, contentType);
                var status = (int)response.StatusCode;
                var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                var syntax = what.StartsWith("syntax", StringComparison.Ordinal);
                var lenient = !syntax && LenientOperations.Any(lenientOne => operation.EndsWith(lenientOne, StringComparison.Ordinal)) && status < 300;
                if (!lenient && (status is < 400 or >= 500 || !isProblem || (syntax && status is not (400 or 415 or 422))))
                {
                    failures.Add($"{operation} with {what}: {status} {Truncate(await response.Content.ReadAsStringAsync())}");
                }
            }

            await baseline.AssertHealthyAndIntactAsync($"malformed JSON on {operation}");
        }

        Assert.True(operations.Count > 30, $"only {operations.Count} operations with a JSON body were found");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases were not a clear 4xx:\n" + string.Join('\n', failures));
    }

    /// <summary>The cases for one operation: what it is, the body's bytes and their content type. "syntax" cases cannot bind at all.</summary>
    private static IEnumerable<(string What, byte[] Body, string ContentType)> Bodies(JsonObject? schema)
    {
        static (string, byte[], string) Json(string what, string text) => (what, Encoding.UTF8.GetBytes(text), "application/json");
        yield return Json("syntax: a truncated object", """{"a":""");
        yield return Json("syntax: an unterminated string", """{"name":"abc""");
        yield return Json("syntax: nesting 10,000 deep", """{"a":""" + new string('[', 10_000) + new string(']', 10_000) + "}");
        yield return Json("an array instead of an object", "[]");
        yield return Json("null instead of an object", "null");
        yield return Json("a string instead of an object", "\"text\"");
        yield return Json("a huge number instead of an object", HugeInteger);
        yield return ("a JSON body sent as text/plain", "{}"u8.ToArray(), "text/plain");

        var properties = schema?["properties"] as JsonObject;
        // Invalid UTF-8 in a field the operation reads (else an ignored field would make it a valid, empty request).
        var textField = properties?.FirstOrDefault(property => TypeOf(property.Value as JsonObject) == "string").Key;
        yield return ("invalid UTF-8 in a string", textField is null
            ? [.. "{\"parameters\":{\"message\":\""u8, 0xFF, 0xFE, 0xC3, 0x28, .. "\"},\"inputs\":{\"message\":\""u8, 0xC3, 0x28, .. "\"}}"u8]
            : [.. Encoding.UTF8.GetBytes($"{{\"{textField}\":\""), 0xFF, 0xFE, 0xC3, 0x28, .. "\"}"u8], "application/json");

        if (properties is null || properties.Count == 0)
        {
            yield return Json("wrong types in an object", """{"name":12,"email":[],"roles":"admin","parameters":"text","inputs":7,"items":{"a":1}}""");
            yield return Json("huge numbers in an object", "{\"name\":1e400,\"limit\":" + HugeInteger + ",\"parameters\":{\"delayMs\":" + HugeInteger + "}}");
            yield break;
        }

        var wrong = new JsonObject();
        var huge = new JsonObject();
        foreach (var (name, property) in properties)
        {
            wrong[name] = WrongValueFor(property as JsonObject);
            huge[name] = JsonNode.Parse(HugeInteger);
        }

        yield return Json("every field of the wrong type", wrong.ToJsonString());
        yield return Json("a 400-digit number in every field", huge.ToJsonString());
        yield return Json("1e400 in every field", huge.ToJsonString().Replace(HugeInteger, "1e400", StringComparison.Ordinal));
    }

    private static JsonNode WrongValueFor(JsonObject? property) => TypeOf(property) switch
    {
        "string" => JsonValue.Create(12345),
        "integer" or "number" => JsonValue.Create("not a number"),
        "boolean" => JsonValue.Create("yes"),
        "array" => new JsonObject { ["not"] = "a list" },
        _ => JsonValue.Create("not an object"),
    };

    /// <summary>The schema's type ("integer", "string", …); nullable ones list it beside "null".</summary>
    private static string? TypeOf(JsonObject? property) => property?["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray types => types.Select(type => type?.GetValue<string>()).FirstOrDefault(type => type != "null"),
        _ => null,
    };

    private async Task<HttpResponseMessage> CallAsync(OrgBaseline baseline, string operation, byte[] body, string contentType)
    {
        var (method, template) = (operation[..operation.IndexOf(' ', StringComparison.Ordinal)], operation[(operation.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var path = template.Replace("{orgId}", baseline.Scenario.OrgId.ToString(), StringComparison.Ordinal)
            .Replace("{id}", baseline.Scenario.OrgId.ToString(), StringComparison.Ordinal)
            .Replace("{jobId}", baseline.JobId.ToString(), StringComparison.Ordinal)
            .Replace("{userId}", baseline.Scenario.MemberId.ToString(), StringComparison.Ordinal)
            .Replace("{name}", "echo", StringComparison.Ordinal)
            // A version the org does not have: a body that turns out valid (deprecate's reason is optional) finds nothing to change.
            .Replace("{version}", "9.9.9", StringComparison.Ordinal)
            .Replace("{provider}", "none", StringComparison.Ordinal)
            .Replace("{signature}", "none", StringComparison.Ordinal);
        foreach (var other in new[] { "{invitationId}", "{scheduleId}", "{linkId}" })
        {
            path = path.Replace(other, Guid.NewGuid().ToString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain('{', path);
        // The org's Admin, or Root where only Root may call (the same body, acting in the org).
        var response = await SendAsync(baseline.Scenario.AdminToken, method, path, body, contentType);
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            response.Dispose();
            response = await SendAsync(fixture.RootToken, method, path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"orgId={baseline.Scenario.OrgId}", body, contentType);
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendAsync(string token, string method, string path, byte[] body, string contentType)
    {
        using var client = platform.CreateClient(token);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return await client.SendAsync(request);
    }

    /// <summary>Every operation whose request body is JSON, with its schema (references into components followed).</summary>
    private async Task<List<(string Operation, JsonObject? Schema)>> JsonBodyOperationsAsync()
    {
        using var client = platform.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var operations = new List<(string, JsonObject?)>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation?["requestBody"]?["content"]?["application/json"] is JsonObject content)
                {
                    operations.Add(($"{method.ToUpperInvariant()} {path}", Resolve(document, content["schema"] as JsonObject)));
                }
            }
        }

        return operations;
    }

    private static JsonObject? Resolve(JsonNode document, JsonObject? schema)
    {
        for (var hops = 0; hops < 10 && schema?["$ref"] is JsonValue reference; hops++)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            schema = document["components"]?["schemas"]?[name] as JsonObject;
        }

        return schema;
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
