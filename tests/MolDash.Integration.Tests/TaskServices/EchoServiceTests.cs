using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MolDash.Grains.Registry;
using MolDash.Testing;

namespace MolDash.Integration.Tests.TaskServices;

/// <summary>The echo task service as a real process over HTTP: the contract job tests rely on.</summary>
public sealed class EchoServiceTests(EchoServiceFixture fixture) : IClassFixture<EchoServiceFixture>, IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = fixture.Service.Address };

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task A_repeated_idempotency_key_gets_the_stored_answer_without_running_again()
    {
        var key = NewKey();
        var before = await fixture.Service.StatsAsync();

        var first = await EchoAsync(new { message = "hello" }, key);
        var second = await EchoAsync(new { message = "hello" }, key);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal("hello", first.Json["message"]!.GetValue<string>());
        Assert.Equal(EchoServiceFixture.InstanceName, first.Json["instance"]!.GetValue<string>());
        Assert.Equal(1, first.Json["attempt"]!.GetValue<int>());
        Assert.Equal(before with { Executions = before.Executions + 1, Duplicates = before.Duplicates + 1, Completed = before.Completed + 1 }, await fixture.Service.StatsAsync());
    }

    [Fact]
    public async Task Requests_without_a_key_each_run()
    {
        var before = await fixture.Service.StatsAsync();

        await EchoAsync(new { message = "a" });
        await EchoAsync(new { message = "a" });

        Assert.Equal(before with { Executions = before.Executions + 2, Completed = before.Completed + 2 }, await fixture.Service.StatsAsync());
    }

    [Fact]
    public async Task A_duplicate_arriving_while_the_key_runs_waits_for_that_same_run()
    {
        var key = NewKey();
        var before = await fixture.Service.StatsAsync();

        var answers = await Task.WhenAll(EchoAsync(new { message = "slow", delayMs = 1500 }, key), EchoAsync(new { message = "slow", delayMs = 1500 }, key));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Equal(answers[0].Body, answers[1].Body);
        Assert.Equal(before with { Executions = before.Executions + 1, Duplicates = before.Duplicates + 1, Completed = before.Completed + 1 }, await fixture.Service.StatsAsync());
    }

    [Fact]
    public async Task FailTimes_answers_500_to_the_first_attempts_of_a_key_then_the_echo()
    {
        var key = NewKey();
        var input = new { message = "flaky", failTimes = 2 };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            statuses.Add((await EchoAsync(input, key)).Status);
        }

        var third = await EchoAsync(input, key);
        var fourth = await EchoAsync(input, key);

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError], statuses);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(3, third.Json["attempt"]!.GetValue<int>());
        Assert.Equal(third.Body, fourth.Body);
    }

    [Fact]
    public async Task An_async_echo_answers_202_and_its_location_long_polls_until_the_output()
    {
        var key = NewKey();
        var accepted = await EchoAsync(new { message = "later", mode = "async", delayMs = 2000, seed = 7 }, key);
        var location = accepted.Location!;
        var again = await EchoAsync(new { message = "later", mode = "async", delayMs = 2000, seed = 7 }, key);

        using var pending = await http.GetAsync(location);
        using var poll = new HttpRequestMessage(HttpMethod.Get, location);
        poll.Headers.Add("Prefer", "wait=30");
        using var done = await http.SendAsync(poll);
        var output = JsonNode.Parse(await done.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        Assert.StartsWith("/runs/", location.OriginalString, StringComparison.Ordinal);
        Assert.Equal(location, again.Location);
        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("later", output["message"]!.GetValue<string>());
        Assert.InRange(output["confidence"]!.GetValue<double>(), 0, 1);
        Assert.NotEqual(1.0, output["confidence"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_request_that_goes_away_cancels_its_run_and_the_key_runs_again()
    {
        var key = NewKey();
        var before = await fixture.Service.StatsAsync();
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => EchoAsync(new { message = "never", delayMs = 600_000 }, key, cancel.Token));
        }

        await WaitUntilIdleAsync();
        var retry = await EchoAsync(new { message = "again" }, key);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Equal(2, retry.Json["attempt"]!.GetValue<int>());
        Assert.Equal(before with { Executions = before.Executions + 2, Completed = before.Completed + 1, Abandoned = before.Abandoned + 1 }, await fixture.Service.StatsAsync());
    }

    [Fact]
    public async Task Error_and_malformed_modes_answer_as_named()
    {
        var error = await EchoAsync(new { message = "x", mode = "error500" });
        var malformed = await EchoAsync(new { message = "x", mode = "malformed" });

        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal(HttpStatusCode.OK, malformed.Status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(malformed.Body));
    }

    [Fact]
    public async Task Reset_mode_drops_the_connection_without_an_answer_and_the_service_keeps_serving()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => EchoAsync(new { message = "x", mode = "reset", delayMs = 50 }));

        Assert.Equal(HttpStatusCode.OK, (await EchoAsync(new { message = "still here" })).Status);
    }

    [Fact]
    public async Task Input_that_breaks_the_schema_is_a_422_naming_each_field()
    {
        var answer = await EchoAsync(new { message = 5, delayMs = 600_001, mode = "sideways" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        var errors = answer.Json["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["/delayMs", "/message", "/mode"], errors);
    }

    [Fact]
    public async Task The_platform_registry_accepts_its_openapi_document()
    {
        var document = await http.GetStringAsync("/openapi.json");

        var loaded = TaskDocumentLoader.Load(document, operationId: null);

        Assert.Empty(loaded.Errors);
        var contract = Assert.IsType<TaskContract>(loaded.Contract);
        Assert.Equal("echo", contract.Operation.OperationId);
        Assert.Equal("/echo", contract.Operation.Path);
        var message = Assert.Single(contract.Form.Fields, field => field.Name == "message");
        Assert.True(message.Required);
        var mode = Assert.Single(contract.Form.Fields, field => field.Name == "mode");
        Assert.Equal(["\"ok\"", "\"error500\"", "\"malformed\"", "\"async\"", "\"reset\"", "\"die\""], mode.Options.Select(option => option.Json));
        Assert.Empty(contract.ValidateParameters(JsonNode.Parse("""{"message":"hi","delayMs":10,"mode":"async"}""")));
        Assert.NotEmpty(contract.ValidateParameters(JsonNode.Parse("""{"delayMs":-1}""")));
    }

    private static string NewKey() => Guid.NewGuid().ToString();

    private async Task WaitUntilIdleAsync()
    {
        for (var i = 0; i < 100 && (await fixture.Service.StatsAsync()).InFlight > 0; i++)
        {
            await Task.Delay(50);
        }
    }

    private async Task<EchoAnswer> EchoAsync(object input, string? key = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/echo") { Content = JsonContent.Create(input) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return new EchoAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken), response.Headers.Location);
    }
}
