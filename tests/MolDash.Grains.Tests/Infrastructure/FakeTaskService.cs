using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>A task service on a loopback port whose answers a test chooses: the real HTTP paths, no engine.</summary>
public sealed class FakeTaskService : IAsyncDisposable
{
    private readonly WebApplication app;
    private int running;
    private int polls;

    private FakeTaskService(WebApplication app) => this.app = app;

    public enum Behaviour
    {
        Echo,
        ServerError,
        Malformed,
        Hang,
        AcceptThenPoll,
        Slow,
    }

    public Behaviour Mode { get; set; } = Behaviour.Echo;

    public bool Ready { get; set; } = true;

    public Uri Address { get; private set; } = null!;

    /// <summary>What GET /openapi.json answers (GET /moved redirects there; GET /slow.json answers after 3 s).</summary>
    public string OpenApiDocument { get; set; } = "{}";

    public ConcurrentQueue<(string? IdempotencyKey, string? OrgId)> Calls { get; } = new();

    public int MaxConcurrent { get; private set; }

    public static async Task<FakeTaskService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var service = new FakeTaskService(builder.Build());
        service.Map();
        await service.app.StartAsync();
        service.Address = new Uri(service.app.Urls.First() + "/");
        return service;
    }

    /// <summary>An address where nothing listens: connections are refused.</summary>
    public static Uri RefusingAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>Stops at once, dropping the connections of runs in flight, as a process that dies would.</summary>
    public Task KillAsync() => app.StopAsync(new CancellationToken(canceled: true));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private void Map()
    {
        app.MapGet("/openapi.json", () => Results.Text(OpenApiDocument, "application/json"));
        app.MapGet("/moved", () => Results.Redirect("/openapi.json"));
        app.MapGet("/slow.json", async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            return Results.Text(OpenApiDocument, "application/json");
        });
        app.MapGet("/readyz", () => Ready ? Results.Ok() : Results.StatusCode(503));
        app.MapPost("/run", async (HttpRequest request) =>
        {
            Calls.Enqueue((request.Headers["Idempotency-Key"].FirstOrDefault(), request.Headers["X-MolDash-Org-Id"].FirstOrDefault()));
            var now = Interlocked.Increment(ref running);
            MaxConcurrent = Math.Max(MaxConcurrent, now);
            try
            {
                var body = await new StreamReader(request.Body).ReadToEndAsync();
                switch (Mode)
                {
                    case Behaviour.ServerError: return Results.Problem("engine failed", statusCode: 500);
                    case Behaviour.Malformed: return Results.Text("{ not json", "application/json");
                    case Behaviour.Hang:
                        await Task.Delay(TimeSpan.FromSeconds(30), request.HttpContext.RequestAborted);
                        return Results.Ok();
                    case Behaviour.AcceptThenPoll: return Results.Accepted("/jobs/1", new { status = "queued" });
                    case Behaviour.Slow:
                        await Task.Delay(TimeSpan.FromMilliseconds(100));
                        return Results.Text($$"""{ "echo": {{body}} }""", "application/json");
                    default: return Results.Text($$"""{ "echo": {{body}} }""", "application/json");
                }
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        });
        app.MapGet("/jobs/1", () => Interlocked.Increment(ref polls) < 2
            ? Results.Accepted("/jobs/1", new { status = "running" })
            : Results.Text("""{ "done": true }""", "application/json"));
    }
}
