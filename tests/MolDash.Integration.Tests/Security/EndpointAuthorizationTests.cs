using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Security;

/// <summary>
/// Walks every operation of the API, taken from the API's own OpenAPI document (generated from its endpoint
/// data source, so a new endpoint is walked without editing this test), as every kind of unwelcome caller,
/// with the ids of a victim organization in the route.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class EndpointAuthorizationTests(PlatformFixture fixture) : IAsyncLifetime
{
    /// <summary>
    /// Operations anyone may call; with a bad token they behave as for an anonymous caller. A service's
    /// self-registration carries a service key instead of a token (checked by the grain; none here, so 401).
    /// </summary>
    private static readonly HashSet<string> Anonymous =
    [
        "POST /api/v1/auth/login",
        "POST /api/v1/auth/refresh",
        "POST /api/v1/auth/logout",
        "GET /api/v1/auth/external/{provider}/login",
        "GET /api/v1/auth/external/{provider}/callback",
        "GET /api/v1/auth/external/providers",
        "POST /api/v1/auth/external/result",
        "POST /api/v1/tasks/{name}/versions/{version}/service/instances/self",
        "DELETE /api/v1/tasks/{name}/versions/{version}/service/instances/self",
        "POST /api/v1/auth/invitations/accept",
        "POST /api/v1/auth/password-reset",
    ];

    /// <summary>Refused to everyone but Root by policy, for every id alike (403), before any lookup.</summary>
    private static readonly HashSet<string> RootOnlyOrgOperations =
    [
        "GET /api/v1/orgs",
        "POST /api/v1/orgs",
        "POST /api/v1/orgs/{id}/provisioning/retry",
        "DELETE /api/v1/orgs/{id}",
        "PUT /api/v1/orgs/{id}/quotas",
        "POST /api/v1/orgs/{id}/suspend",
        "POST /api/v1/orgs/{id}/reactivate",
    ];

    /// <summary>Answered from the token alone, without a grain call or anyone else's data.</summary>
    private const string TokenEcho = "GET /api/v1/auth/me";

    /// <summary>About the caller's own account, whatever org a query names.</summary>
    private static readonly HashSet<string> OwnAccount = [TokenEcho, "GET /api/v1/auth/orgs"];

    /// <summary>Route parameters that hold one of the victim's ids (task and pipeline names are per org).</summary>
    private static readonly string[] IdParameters = ["{orgId}", "{id}", "{jobId}", "{userId}", "{invitationId}", "{scheduleId}", "{signature}"];

    private static readonly string[] Standard = ["standard"];
    private static readonly string[] Admin = ["admin"];
    private readonly PlatformUnderTest platform = fixture.Platform;
    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync();

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task No_endpoint_lets_an_unauthenticated_caller_in()
    {
        var operations = await OperationsAsync();
        var victim = await CreateVictimAsync();
        var tokens = new Dictionary<string, string?>
        {
            ["anonymous"] = null,
            ["expired"] = TestTokens.Root(platform.SigningKey, TimeSpan.FromMinutes(-5)),
            ["signed with another key"] = TestTokens.Root(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48), TimeSpan.FromMinutes(5)),
            ["alg none"] = TestTokens.WithoutSignature(),
        };

        foreach (var (who, token) in tokens)
        {
            foreach (var operation in operations)
            {
                using var response = await CallAsync(token, operation, victim);
                var status = (int)response.StatusCode;
                if (Anonymous.Contains(operation))
                {
                    Assert.True(status < 500, $"{operation} as {who}: {status}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{operation} as {who}: {status}, expected 401");
                }

                await AssertNoVictimDataAsync(response, victim, $"{operation} as {who}");
            }
        }
    }

    [Fact]
    public async Task No_endpoint_shows_another_orgs_data_to_its_admin_or_members_or_to_a_disabled_member()
    {
        var operations = await OperationsAsync();
        var victim = await CreateVictimAsync();
        var (outsiderOrg, outsiderAdmin) = await CreateOrgWithMemberAsync(Admin);
        var (_, outsiderStandard) = await CreateOrgWithMemberAsync(Standard);
        var disabled = await DisabledMemberOfAsync(victim);

        foreach (var (who, token) in new[] { ("another org's admin", outsiderAdmin), ("another org's standard user", outsiderStandard) })
        {
            foreach (var operation in operations)
            {
                using var response = await CallAsync(token, operation, victim);
                Assert.True((int)response.StatusCode < 500, $"{operation} as {who}: {(int)response.StatusCode}");
                await AssertNoVictimDataAsync(response, victim, $"{operation} as {who}");
            }
        }

        foreach (var operation in operations.Where(op => !Anonymous.Contains(op) && op != TokenEcho))
        {
            using var response = await CallAsync(disabled, operation, victim);
            // A request the API refuses by its shape (400, 422) is answered before any grain is asked, and says nothing.
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    or HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity,
                $"{operation} as a disabled member: {(int)response.StatusCode}");
            await AssertNoVictimDataAsync(response, victim, $"{operation} as a disabled member");
        }

        Assert.NotEqual(victim.OrgId, outsiderOrg);
    }

    [Fact]
    public async Task Another_orgs_admin_gets_404_with_no_data_for_every_id_of_the_victim_and_for_naming_its_org()
    {
        var operations = await OperationsAsync();
        var victim = await CreateVictimAsync();
        var (_, outsiderAdmin) = await CreateOrgWithMemberAsync(Admin);
        var unexpected = new List<string>();

        foreach (var operation in operations.Where(op => !Anonymous.Contains(op) && !OwnAccount.Contains(op) && !RootOnly(op)))
        {
            // Task and pipeline names are looked up in the caller's own org, so they cannot reach the victim's (checked by the body alone).
            var bearsAnId = IdParameters.Any(id => operation.Contains(id, StringComparison.Ordinal));
            var namesNoneOfOurs = !operation.Contains('{', StringComparison.Ordinal);
            using var response = await CallAsync(outsiderAdmin, operation, victim, namingTheOrg: namesNoneOfOurs);
            await AssertNoVictimDataAsync(response, victim, $"{operation} as another org's admin");
            if (response.StatusCode != HttpStatusCode.NotFound && (bearsAnId || (namesNoneOfOurs && operation.StartsWith("GET ", StringComparison.Ordinal))))
            {
                unexpected.Add($"{operation}: {(int)response.StatusCode}");
            }
        }

        Assert.True(unexpected.Count == 0, "Not 404 for another org's ids:\n" + string.Join('\n', unexpected));
    }

    private static bool RootOnly(string operation) =>
        RootOnlyOrgOperations.Contains(operation) || operation.Contains(" /api/v1/identity-providers", StringComparison.Ordinal);

    private async Task<List<string>> OperationsAsync()
    {
        using var client = platform.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToList();
        Assert.Contains("POST /api/v1/orgs/{orgId}/users", operations);
        Assert.Contains("POST /api/v1/orgs/{orgId}/invitations/{invitationId}/revoke", operations);
        return operations;
    }

    private async Task<HttpResponseMessage> CallAsync(string? token, string operation, Victim victim, bool namingTheOrg = false)
    {
        var (method, template) = (operation[..operation.IndexOf(' ', StringComparison.Ordinal)], operation[(operation.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        // Every id in a route is one of the victim org's: its org, user, artifact, job, pipeline ("dock"), task ("dock"), cache entry, schedule and invitation;
        // identity providers and their links are Root's alone.
        var id = template.StartsWith("/api/v1/artifacts", StringComparison.Ordinal) ? victim.ArtifactId : victim.OrgId;
        var path = template.Replace("{orgId}", victim.OrgId.ToString(), StringComparison.Ordinal)
            .Replace("{id}", id.ToString(), StringComparison.Ordinal)
            .Replace("{jobId}", victim.JobId.ToString(), StringComparison.Ordinal)
            .Replace("{signature}", victim.Signature, StringComparison.Ordinal)
            .Replace("{userId}", victim.UserId.ToString(), StringComparison.Ordinal)
            .Replace("{invitationId}", victim.InvitationId.ToString(), StringComparison.Ordinal)
            .Replace("{name}", "dock", StringComparison.Ordinal)
            .Replace("{version}", "1.0.0", StringComparison.Ordinal)
            .Replace("{scheduleId}", victim.ScheduleId.ToString(), StringComparison.Ordinal)
            .Replace("{provider}", "dock", StringComparison.Ordinal)
            .Replace("{linkId}", victim.UserId.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('{', path);
        if (namingTheOrg)
        {
            // A route without ids acts in the caller's org; naming another org is how it would reach the victim's.
            path += $"?orgId={victim.OrgId}";
        }

        using var client = platform.CreateClient(token);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent(
                $$"""{"name":"Hijack","email":"{{victim.Email}}","roles":["admin"],"grant":["user.manage"],"orgId":"{{victim.OrgId}}"}""",
                Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    private static async Task AssertNoVictimDataAsync(HttpResponseMessage response, Victim victim, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(body.Contains(victim.OrgName, StringComparison.Ordinal), $"{what} revealed the victim org's name");
        Assert.False(body.Contains(victim.UserId.ToString(), StringComparison.Ordinal), $"{what} revealed a victim user's id");
        Assert.False(body.Contains(victim.Secret, StringComparison.Ordinal), $"{what} revealed the victim's job, pipeline or artifact data");
    }

    private async Task<Victim> CreateVictimAsync()
    {
        var name = $"Victim {Guid.NewGuid():N}";
        using var root = platform.CreateClient(fixture.RootToken);
        using var org = await root.PostAsJsonAsync("/api/v1/orgs", new { name });
        var orgId = (await org.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var email = $"victim-{Guid.NewGuid():N}@moldash.test";
        using var user = await root.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users", new { email, password = "victim-password-1", roles = Admin });
        var userId = (await user.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("userId").GetGuid();
        var secret = $"victim-secret-{Guid.NewGuid():N}";
        using var admin = platform.CreateClient(await platform.AccessTokenAsync(email, "victim-password-1"));
        using var molecule = new StringContent($"CCO {secret}\n", Encoding.UTF8, "text/plain");
        using var uploaded = await admin.PostAsync($"/api/v1/artifacts?fileName={secret}.smi", molecule);
        var artifactId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var service = new HttpClient { BaseAddress = echo.Address };
        var document = await service.GetStringAsync("/openapi.json");
        (await admin.PostAsJsonAsync("/api/v1/tasks", new { name = "dock", version = "1.0.0", description = secret, document, deployment = new { image = "moldash/echo:1", deterministic = true } })).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/tasks/dock/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/tasks/dock/versions/1.0.0/service/instances", new { address = echo.Address.ToString() })).EnsureSuccessStatusCode();
        var graph = new
        {
            nodes = new[] { new { id = "only", taskName = "dock", taskVersion = "1.0.0" } },
            inputs = new[] { new { name = "message", targets = new[] { new { nodeId = "only", pointer = "/message" } } } },
        };
        (await admin.PostAsJsonAsync("/api/v1/pipelines", new { name = "dock", description = secret, graph })).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/pipelines/dock/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();
        using var run = await admin.PostAsJsonAsync("/api/v1/pipelines/dock/versions/1.0.0/runs", new { inputs = new { message = secret } });
        var result = await run.Content.ReadFromJsonAsync<JsonElement>();
        var jobId = result.GetProperty("job").GetProperty("jobId").GetGuid();
        await JobScenario.FinishedAsync(admin, jobId);
        using var schedule = await admin.PostAsJsonAsync("/api/v1/schedules", new { pipeline = "dock", version = "1.0.0", inputs = new { message = secret }, cron = "0 0 1 1 *" });
        var scheduleId = (await schedule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scheduleId").GetGuid();
        // The invited email holds the secret: listing the victim's invitations would show it.
        using var invited = await admin.PostAsJsonAsync($"/api/v1/orgs/{orgId}/invitations", new { email = $"{secret}@moldash.test", roles = Standard });
        var invitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invitation").GetProperty("id").GetGuid();
        return new Victim(orgId, name, userId, email, artifactId, jobId, result.GetProperty("signature").GetString()!, secret, scheduleId, invitationId);
    }

    private async Task<(Guid OrgId, string Token)> CreateOrgWithMemberAsync(string[] roles)
    {
        using var root = platform.CreateClient(fixture.RootToken);
        using var org = await root.PostAsJsonAsync("/api/v1/orgs", new { name = $"Outsider {Guid.NewGuid():N}" });
        var orgId = (await org.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var email = $"outsider-{Guid.NewGuid():N}@moldash.test";
        (await root.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users", new { email, password = "outsider-password", roles })).EnsureSuccessStatusCode();
        return (orgId, await platform.AccessTokenAsync(email, "outsider-password"));
    }

    private async Task<string> DisabledMemberOfAsync(Victim victim)
    {
        using var root = platform.CreateClient(fixture.RootToken);
        var email = $"leaver-{Guid.NewGuid():N}@moldash.test";
        using var created = await root.PostAsJsonAsync($"/api/v1/orgs/{victim.OrgId}/users", new { email, password = "leaver-password-1", roles = Admin });
        var userId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("userId").GetGuid();
        var token = await platform.AccessTokenAsync(email, "leaver-password-1");
        (await root.PostAsync($"/api/v1/orgs/{victim.OrgId}/users/{userId}/disable", null)).EnsureSuccessStatusCode();
        return token;
    }


    private sealed record Victim(
        Guid OrgId, string OrgName, Guid UserId, string Email, Guid ArtifactId, Guid JobId, string Signature, string Secret, Guid ScheduleId, Guid InvitationId);
}
