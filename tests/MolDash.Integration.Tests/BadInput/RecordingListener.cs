using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MolDash.Testing;

namespace MolDash.Integration.Tests.BadInput;

/// <summary>
/// An HTTP server on loopback that records every request it gets: the target of an external reference, to
/// prove the platform never fetched it. It serves the documents it is given by path, and 404 for the rest.
/// </summary>
public sealed class RecordingListener : IAsyncDisposable
{
    private readonly WebApplication app;

    private RecordingListener(WebApplication app, Uri address, ConcurrentDictionary<string, string> documents, ConcurrentQueue<string> requests)
    {
        this.app = app;
        Address = address;
        Documents = documents;
        Requests = requests;
    }

    public Uri Address { get; }

    /// <summary>What to answer by request path (such as "/openapi.json").</summary>
    public ConcurrentDictionary<string, string> Documents { get; }

    /// <summary>The path of every request received, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; }

    public static async Task<RecordingListener> StartAsync()
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var documents = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var requests = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(async context =>
        {
            requests.Enqueue(context.Request.Path + context.Request.QueryString);
            if (documents.TryGetValue(context.Request.Path, out var document))
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(document);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        await app.StartAsync();
        return new RecordingListener(app, address, documents, requests);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
