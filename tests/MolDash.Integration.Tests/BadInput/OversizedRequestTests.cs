using System.Net;
using System.Net.Http.Json;
using System.Text;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.BadInput;

/// <summary>
/// Requests too large for the API: JSON bodies past the server's body limit (declared or chunked), huge
/// headers and URLs, and a batch of 200,000 items. Each is a 4xx, sent as a stream, and the
/// platform stays ready with the org's data intact.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class OversizedRequestTests(PlatformFixture fixture) : IAsyncLifetime
{
    private const long FortyMegabytes = 40L * 1024 * 1024;

    private readonly PlatformUnderTest platform = fixture.Platform;
    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync();

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task Oversized_bodies_headers_and_urls_are_a_4xx_and_the_platform_stays_ready()
    {
        var baseline = await OrgBaseline.CaptureAsync(fixture, echo.Address);
        using var admin = platform.CreateClient(baseline.Scenario.AdminToken);
        var failures = new List<string>();
        var cases = new Dictionary<string, Func<Task<HttpResponseMessage>>>
        {
            ["a 40 MB JSON body with its length"] = async () =>
            {
                // Expect: 100-continue lets the server refuse by the declared length before the body is sent, as a careful client would.
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tasks") { Content = JsonArrayOf(FortyMegabytes, declareLength: true) };
                request.Headers.ExpectContinue = true;
                return await admin.SendAsync(request);
            },
            ["a 40 MB chunked JSON body"] = () => admin.PostAsync("/api/v1/tasks", JsonArrayOf(FortyMegabytes, declareLength: false)),
            ["a 40 MB chunked run"] = () => admin.PostAsync($"{JobScenario.Task}/runs", JsonArrayOf(FortyMegabytes, declareLength: false)),
            ["a 40 MB chunked login"] = () => platform.CreateClient().PostAsync("/api/v1/auth/login", JsonArrayOf(FortyMegabytes, declareLength: false)),
            ["a batch of 200,000 items"] = () => admin.PostAsJsonAsync($"{JobScenario.Task}/batches", new { items = Enumerable.Repeat(new { message = "x" }, 200_000) }),
            ["a 100 KB URL"] = () => admin.GetAsync("/api/v1/artifacts?format=" + new string('a', 100 * 1024)),
            ["a 100 KB header"] = async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/artifacts");
                request.Headers.Add("X-Padding", new string('a', 100 * 1024));
                return await admin.SendAsync(request);
            },
        };

        foreach (var (what, send) in cases)
        {
            using var response = await RefusedOrAnsweredAsync(send);
            if (response is not null && (int)response.StatusCode is < 400 or >= 500)
            {
                failures.Add($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            await baseline.AssertHealthyAndIntactAsync(what);
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    /// <summary>
    /// The answer; or null when the server answered 413 and closed the connection while the client was still
    /// sending a chunked body past the server's limit (the client cannot read that answer, and is refused).
    /// </summary>
    private static async Task<HttpResponseMessage?> RefusedOrAnsweredAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException e) when (e.InnerException is IOException)
        {
            return null;
        }
    }

    /// <summary>A JSON array of numbers, <paramref name="size"/> bytes long: "[1,1,1,…,1]".</summary>
    private static GeneratedContent JsonArrayOf(long size, bool declareLength)
    {
        var content = new GeneratedContent("1,"u8.ToArray(), size, declareLength, prefix: "["u8.ToArray(), suffix: "1]"u8.ToArray());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
