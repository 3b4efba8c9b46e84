using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.TaskServices;

/// <summary>
/// An instance the silo reads from its configuration (TaskServices:Instances): the org and its task exist
/// first, then the operator adds the entry and restarts, as they would in production.
/// </summary>
public sealed class ConfiguredInstanceTests : IAsyncLifetime
{
    private PlatformUnderTest platform = null!;
    private EchoService echo = null!;

    public async Task InitializeAsync()
    {
        platform = await PlatformUnderTest.StartAsync("configured");
        echo = await EchoService.StartAsync("configured");
    }

    public async Task DisposeAsync()
    {
        await echo.DisposeAsync();
        await platform.DisposeAsync();
    }

    [Fact]
    public async Task A_run_goes_to_the_instance_from_configuration_without_any_admin_registration()
    {
        var scenario = await JobScenario.CreateAsync(platform, await platform.LoginAsRootAsync(), echo.Address, registerInstance: false);
        await platform.RestartAsync(new Dictionary<string, string>
        {
            [$"TaskServices__Instances__{scenario.OrgId:N}/echo/1.0.0__0"] = echo.Address.ToString(),
        });
        using var admin = platform.CreateClient(scenario.AdminToken);
        using var member = platform.CreateClient(scenario.MemberToken);

        using var submitted = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", new { parameters = new { message = "from configuration" } });
        var job = await JobScenario.FinishedAsync(member, (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid());
        var instance = (await admin.GetFromJsonAsync<JsonElement>($"{JobScenario.Task}/service")).GetProperty("instances")[0];
        using var removal = await admin.DeleteAsync($"{JobScenario.Task}/service/instances?address={Uri.EscapeDataString(echo.Address.ToString())}");

        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(echo.Address.ToString(), instance.GetProperty("address").GetString());
        Assert.Equal(["Configuration"], instance.GetProperty("sources").EnumerateArray().Select(source => source.GetString()));
        var problem = await removal.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("TaskServices:Instances", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
