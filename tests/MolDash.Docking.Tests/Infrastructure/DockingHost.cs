using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using MolDash.Docking.Hosting;

namespace MolDash.Docking.Tests.Infrastructure;

/// <summary>The real service on Kestrel at a free loopback port, with its own scratch folder.</summary>
public sealed class DockingHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DockingHost(WebApplication app, string workDirectory)
    {
        _app = app;
        WorkDirectory = workDirectory;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(3) };
    }

    public HttpClient Client { get; }

    public string WorkDirectory { get; }

    public static async Task<DockingHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var work = Path.Combine(Path.GetTempPath(), "moldash-docking-tests", Guid.NewGuid().ToString("N"));
        var configuration = new Dictionary<string, string?>
        {
            ["Docking:WorkDirectory"] = work,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var app = DockingApplication.Create(["--urls=http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(configuration));
        await app.StartAsync();
        return new DockingHost(app, work);
    }

    public async Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(string path, object body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await Client.SendAsync(request);
        return (response, await ReadAsync(response));
    }

    public async Task<(HttpResponseMessage Response, JsonNode Body)> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await Client.SendAsync(request);
        return (response, await ReadAsync(response));
    }

    /// <summary>Files and folders left in the scratch root; every run must delete its own.</summary>
    public IReadOnlyList<string> LeftoverFiles() =>
        Directory.Exists(WorkDirectory) ? Directory.GetFileSystemEntries(WorkDirectory, "*", SearchOption.AllDirectories) : [];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(WorkDirectory))
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
    }
}
