using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Api;

[Collection(PlatformTestGroup.Name)]
public sealed class OperationalEndpointTests(PlatformFixture fixture)
{
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task The_api_is_live_and_ready_when_the_cluster_answers()
    {
        using var client = platform.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetFromJsonAsync<JsonElement>("/readyz");

        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Contains("1 active silo", ready.GetProperty("checks").GetProperty("cluster").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_silo_reports_itself_active_and_its_database_reachable()
    {
        using var client = new HttpClient { BaseAddress = platform.Silo!.BaseAddress };

        var ready = await client.GetFromJsonAsync<JsonElement>("/readyz");

        var checks = ready.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("silo").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Metrics_are_exposed_in_prometheus_format_including_orleans_meters()
    {
        using var client = platform.CreateClient(fixture.RootToken);
        await client.GetAsync($"/api/v1/orgs/{Guid.NewGuid()}");

        var apiMetrics = await client.GetStringAsync("/metrics");
        using var siloClient = new HttpClient { BaseAddress = platform.Silo!.BaseAddress };
        var siloMetrics = await siloClient.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration_seconds", apiMetrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE", apiMetrics, StringComparison.Ordinal);
        Assert.Contains("orleans_", siloMetrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_publishes_its_own_openapi_document_and_a_viewer()
    {
        using var client = platform.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        using var viewer = await client.GetAsync("/docs/index.html");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/orgs", out _));
        Assert.True(paths.TryGetProperty("/api/v1/orgs/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/login", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), path => path.Name.StartsWith("/dashboard", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.Contains("swagger", await viewer.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_orleans_dashboard_needs_an_admin_and_a_browser_is_sent_to_sign_in()
    {
        using var anonymous = platform.CreateClient();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = platform.ApiAddress };
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var refused = await anonymous.GetAsync("/dashboard/");
        using var redirected = await browser.GetAsync("/dashboard/");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.StartsWith("/login.html?returnUrl=", redirected.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var signIn = await browser.GetAsync(redirected.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("/api/v1/auth/login", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_sees_the_organization_grain_in_the_orleans_dashboard()
    {
        using var client = platform.CreateClient(fixture.RootToken);
        using var created = await client.PostAsJsonAsync("/api/v1/orgs", new { name = $"Dashboard {Guid.NewGuid():N}" });
        created.EnsureSuccessStatusCode();

        using var page = await client.GetAsync("/dashboard/");
        var counters = await client.GetStringAsync("/dashboard/DashboardCounters");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("OrganizationGrain", counters, StringComparison.Ordinal);
    }
}
