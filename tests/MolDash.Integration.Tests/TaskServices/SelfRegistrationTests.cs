using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.TaskServices;

/// <summary>A task service registering itself with its version's service key, on the real stack with real echo processes.</summary>
[Collection(PlatformTestGroup.Name)]
public sealed class SelfRegistrationTests(PlatformFixture fixture, EchoServiceFixture documentSource) : IClassFixture<EchoServiceFixture>
{
    private const string Self = $"{JobScenario.Task}/service/instances/self";
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task An_echo_service_started_with_its_key_registers_itself_runs_go_through_it_and_it_leaves_on_shutdown()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, documentSource.Service.Address, registerInstance: false);
        using var admin = platform.CreateClient(scenario.AdminToken);
        using var member = platform.CreateClient(scenario.MemberToken);
        var key = await IssueKeyAsync(admin);

        var echo = await EchoService.StartAsync("self-registered", new Dictionary<string, string>
        {
            ["PlatformRegistration__Url"] = platform.ApiAddress.ToString(),
            ["PlatformRegistration__OrgId"] = scenario.OrgId.ToString(),
            ["PlatformRegistration__Task"] = "echo",
            ["PlatformRegistration__Version"] = "1.0.0",
            ["PlatformRegistration__ServiceKey"] = key.GetProperty("key").GetString()!,
        });
        await using (echo)
        {
            await Eventually.HoldsAsync(async () => (await InstancesAsync(admin)).Count == 1);
            var instance = (await InstancesAsync(admin))[0];
            Assert.Equal(echo.Address.ToString(), instance.GetProperty("address").GetString());
            Assert.Equal(["ServiceKey"], instance.GetProperty("sources").EnumerateArray().Select(source => source.GetString()));
            Assert.True(instance.GetProperty("leaseExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);

            using var submitted = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", new { parameters = new { message = "found by key" } });
            var job = await JobScenario.FinishedAsync(member, (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid());
            Assert.Equal("Succeeded", job.GetProperty("status").GetString());
            var result = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{job.GetProperty("jobId").GetGuid()}/results")).GetProperty("items")[0];
            Assert.Equal("self-registered", result.GetProperty("output").GetProperty("instance").GetString());

            await echo.StopAsync();
            Assert.Empty(await InstancesAsync(admin));
        }
    }

    [Fact]
    public async Task Wrong_missing_and_replaced_keys_are_refused_alike_and_only_the_current_key_registers()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, documentSource.Service.Address, registerInstance: false);
        using var admin = platform.CreateClient(scenario.AdminToken);
        using var member = platform.CreateClient(scenario.MemberToken);
        using var anonymous = platform.CreateClient();
        var address = documentSource.Service.Address.ToString();
        var replaced = (await IssueKeyAsync(admin)).GetProperty("key").GetString()!;
        var issued = await IssueKeyAsync(admin);
        var current = issued.GetProperty("key").GetString()!;

        using var withCurrent = await RegisterAsync(anonymous, Self, scenario.OrgId, current, address);
        using var withReplaced = await RegisterAsync(anonymous, Self, scenario.OrgId, replaced, address);
        using var withWrong = await RegisterAsync(anonymous, Self, scenario.OrgId, "mdsk_" + new string('A', 43), address);
        using var withoutKey = await RegisterAsync(anonymous, Self, scenario.OrgId, null, address);
        using var unknownTask = await RegisterAsync(anonymous, "/api/v1/tasks/nothing/versions/1.0.0/service/instances/self", scenario.OrgId, current, address);
        using var otherOrg = await RegisterAsync(anonymous, Self, Guid.NewGuid(), current, address);
        using var lan = await RegisterAsync(anonymous, Self, scenario.OrgId, current, "http://10.0.0.5:8080/");
        using var byMember = await member.PostAsync($"{JobScenario.Task}/service/credentials", null);

        Assert.Equal(HttpStatusCode.OK, withCurrent.StatusCode);
        Assert.Equal(address, (await withCurrent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("address").GetString());
        var refused = await withReplaced.AssertProblemAsync(HttpStatusCode.Unauthorized);
        foreach (var response in new[] { withWrong, unknownTask, otherOrg })
        {
            Assert.Equal(refused.GetProperty("detail").GetString(), (await response.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        }

        await withoutKey.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("ServiceKey", withoutKey.Headers.WwwAuthenticate.ToString());
        var problem = await lan.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("outside TaskServices:SelfRegistrationNetworks", problem.GetProperty("errors").GetProperty("/address")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);
        var status = await admin.GetFromJsonAsync<JsonElement>($"{JobScenario.Task}/service");
        Assert.Equal(issued.GetProperty("keyId").GetString(), status.GetProperty("serviceKey").GetProperty("keyId").GetString());
        Assert.DoesNotContain(current, status.GetRawText(), StringComparison.Ordinal);

        using var removedByKey = await anonymous.SendAsync(Request(HttpMethod.Delete, $"{Self}?orgId={scenario.OrgId}&address={Uri.EscapeDataString(address)}", current));
        Assert.Equal(HttpStatusCode.NoContent, removedByKey.StatusCode);
        Assert.Empty(await InstancesAsync(admin));
    }

    private static async Task<JsonElement> IssueKeyAsync(HttpClient admin)
    {
        using var response = await admin.PostAsync($"{JobScenario.Task}/service/credentials", null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<JsonElement>> InstancesAsync(HttpClient admin) =>
        [.. (await admin.GetFromJsonAsync<JsonElement>($"{JobScenario.Task}/service")).GetProperty("instances").EnumerateArray()];

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string path, Guid orgId, string? key, string address)
    {
        var request = Request(HttpMethod.Post, $"{path}?orgId={orgId}", key);
        request.Content = JsonContent.Create(new { address });
        return client.SendAsync(request);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? key)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new("ServiceKey", key);
        }

        return request;
    }
}
