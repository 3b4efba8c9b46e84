using System.Net;
using MolDash.Docking.Tests.Infrastructure;

namespace MolDash.Docking.Tests;

[Collection(DefaultHostGroup.Name)]
public sealed class HealthTests(DefaultHostFixture fixture)
{
    private DockingHost Host => fixture.Host;

    [Fact]
    public async Task Healthz_and_readyz_answer_with_the_engine_versions()
    {
        Assert.Equal(HttpStatusCode.OK, (await Host.Client.GetAsync("/healthz")).StatusCode);
        var (ready, body) = await Host.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("1.2", body["vina"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("3.", body["openBabel"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_count_runs_in_prometheus_format()
    {
        await Host.PostAsync("/properties", new { molecule = "CCO" });

        var metrics = await Host.Client.GetStringAsync("/metrics");

        Assert.Contains("moldash_docking_runs_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("operation=\"properties\"", metrics, StringComparison.Ordinal);
        Assert.Contains("moldash_docking_queue_length", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_is_503_when_an_engine_is_missing()
    {
        await using var broken = await DockingHost.StartAsync(new Dictionary<string, string?> { ["Docking:ObabelPath"] = "/nonexistent/obabel" });

        var (response, problem) = await broken.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("obabel", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await broken.Client.GetAsync("/healthz")).StatusCode);
    }
}
