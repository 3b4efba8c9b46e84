using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MolDash.Docking.Hosting;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

public sealed class StructuredLogTests
{
    [Fact]
    public async Task A_run_logs_under_the_idempotency_key_and_the_platform_ids()
    {
        var logs = new CapturingLoggerProvider();
        var work = Path.Combine(Path.GetTempPath(), "moldash-docking-tests", Guid.NewGuid().ToString("N"));
        await using var app = DockingApplication.Create(["--urls=http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Docking:WorkDirectory"] = work });
            b.Services.AddSingleton<ILoggerProvider>(logs);
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/properties") { Content = System.Net.Http.Json.JsonContent.Create(new { molecule = "CCO" }) };
        request.Headers.Add("Idempotency-Key", "run-42");
        request.Headers.Add("X-MolDash-Job-Id", "job-7");
        request.Headers.Add("X-MolDash-Org-Id", "org-3");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var finished = Assert.Single(logs.Entries, e => e.Message.Contains("properties finished", StringComparison.Ordinal));
        Assert.Equal("run-42", finished.Scope["idempotency_key"]);
        Assert.Equal("job-7", finished.Scope["job_id"]);
        Assert.Equal("org-3", finished.Scope["org_id"]);
        await app.StopAsync();
        Directory.Delete(work, recursive: true);
    }
}
