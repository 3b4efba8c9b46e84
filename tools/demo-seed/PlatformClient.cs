using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MolDash.DemoSeed;

/// <summary>The few REST calls seeding needs, each failing with the step and the platform's ProblemDetails.</summary>
public sealed class PlatformClient(HttpClient http) : IDisposable
{
    public static PlatformClient For(Uri api, string? accessToken = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(api, "/api/v1/"), Timeout = TimeSpan.FromMinutes(2) };
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return new PlatformClient(http);
    }

    public async Task<string> LoginAsync(string email, string password, Guid? orgId = null)
    {
        var answer = await SendAsync(HttpMethod.Post, "auth/login", new { email, password, orgId }, $"sign in as {email}");
        return answer!.Value.GetProperty("accessToken").GetString()!;
    }

    /// <summary>The resource, or null when it does not exist (404).</summary>
    public Task<JsonElement?> FindAsync(string path) => SendAsync(HttpMethod.Get, path, null, $"read {path}", HttpStatusCode.NotFound);

    public async Task<JsonElement> GetAsync(string path) =>
        await SendAsync(HttpMethod.Get, path, null, $"read {path}") ?? throw new SeedFailedException($"{path} answered no content.");

    /// <summary>Posts the body; an answer with one of <paramref name="tolerated"/> is taken as already done (null).</summary>
    public Task<JsonElement?> PostAsync(string path, object? body, string step, params HttpStatusCode[] tolerated) =>
        SendAsync(HttpMethod.Post, path, body, step, tolerated);

    public async Task<JsonElement> UploadAsync(string fileName, byte[] content)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await http.PostAsync($"artifacts?fileName={Uri.EscapeDataString(fileName)}", body);
        return await ReadAsync(response, $"upload {fileName}") ?? throw new SeedFailedException($"uploading {fileName} answered no content.");
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonElement?> SendAsync(HttpMethod method, string path, object? body, string step, params HttpStatusCode[] tolerated)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        return tolerated.Contains(response.StatusCode) ? null : await ReadAsync(response, step);
    }

    private static async Task<JsonElement?> ReadAsync(HttpResponseMessage response, string step)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new SeedFailedException($"Could not {step}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone();
    }
}
