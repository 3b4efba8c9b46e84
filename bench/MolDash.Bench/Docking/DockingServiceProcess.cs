using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using MolDash.Docking.Hosting;

namespace MolDash.Bench.Docking;

/// <summary>The docking service hosted in this process on Kestrel (real HTTP on loopback) with a chosen slot count.</summary>
public sealed class DockingServiceProcess : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private DockingServiceProcess(WebApplication app)
    {
        _app = app;
        _client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(15) };
    }

    public static async Task<DockingServiceProcess> StartAsync(int slots, string scratch)
    {
        var app = DockingApplication.Create(["--urls=http://127.0.0.1:0"], b => b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Docking:Slots"] = slots.ToString(CultureInfo.InvariantCulture),
            ["Docking:WorkDirectory"] = Path.Combine(scratch, "service-" + slots.ToString(CultureInfo.InvariantCulture)),
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await app.StartAsync();
        return new DockingServiceProcess(app);
    }

    public async Task<JsonNode> PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await _client.PostAsJsonAsync(path, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!
            : throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {text}");
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
