using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Api;

/// <summary>Fine-grained permissions through the real API: what a member may run, read and manage.</summary>
[Collection(PlatformTestGroup.Name)]
public sealed class PermissionTests(PlatformFixture fixture) : IAsyncLifetime
{
    private static readonly string[] TaskExecute = ["task.execute"];
    private static readonly string[] Standard = ["standard"];
    private static readonly string[] Unknown = ["everything"];
    private readonly PlatformUnderTest platform = fixture.Platform;
    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync();

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task A_standard_user_with_task_execute_limited_to_one_task_runs_it_and_gets_403_on_another()
    {
        var (org, admin) = await OrgWithTwoTasksAsync();
        var (userId, email) = await AddMemberAsync(admin, org);
        string[] echoOnly = ["task.execute:echo"];
        using var changed = await admin.PutAsJsonAsync($"/api/v1/orgs/{org}/users/{userId}/permissions", new { grant = echoOnly, withhold = TaskExecute });
        Assert.Equal(["job.create", "task.execute:echo"], Strings((await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("effective")));
        using var member = platform.CreateClient(await platform.AccessTokenAsync(email, TestOrg.MemberPassword));

        using var allowed = await RunAsync(member, "echo");
        using var refused = await RunAsync(member, "echo-two");
        using var refusedBatch = await member.PostAsJsonAsync("/api/v1/tasks/echo-two/versions/1.0.0/batches", new { items = new[] { new { message = "b" } } });
        using var refusedPipeline = await member.PostAsJsonAsync("/api/v1/pipelines/both/versions/1.0.0/runs", new { inputs = new { message = "p" } });
        using var refusedPipelineBatch = await member.PostAsJsonAsync("/api/v1/pipelines/both/versions/1.0.0/batches", new { items = new[] { new { message = "p" } } });

        Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("task echo-two (category other)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await refusedBatch.AssertProblemAsync(HttpStatusCode.Forbidden);
        await refusedPipeline.AssertProblemAsync(HttpStatusCode.Forbidden);
        await refusedPipelineBatch.AssertProblemAsync(HttpStatusCode.Forbidden);

        string[] byCategory = ["task.execute:echo", "task.execute:category/other"];
        await SetPermissionsAsync(admin, org, userId, byCategory, TaskExecute);
        using var widened = platform.CreateClient(await platform.AccessTokenAsync(email, TestOrg.MemberPassword));
        Assert.Equal(HttpStatusCode.Accepted, (await RunAsync(widened, "echo-two")).StatusCode);
        Assert.True((await widened.PostAsJsonAsync("/api/v1/pipelines/both/versions/1.0.0/runs", new { inputs = new { message = "p" } })).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Withholding_job_create_blocks_runs_and_a_token_from_before_the_change_stops_working()
    {
        var (org, admin) = await OrgWithTwoTasksAsync();
        var (userId, email) = await AddMemberAsync(admin, org);
        var before = await platform.AccessTokenAsync(email, TestOrg.MemberPassword);
        string[] jobCreate = ["job.create"];

        await SetPermissionsAsync(admin, org, userId, [], jobCreate);
        using var stale = platform.CreateClient(before);
        using var member = platform.CreateClient(await platform.AccessTokenAsync(email, TestOrg.MemberPassword));

        await (await RunAsync(stale, "echo")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await RunAsync(member, "echo")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await member.PostAsJsonAsync("/api/v1/pipelines/both/versions/1.0.0/runs", new { inputs = new { message = "p" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/v1/jobs")).StatusCode);
    }

    [Fact]
    public async Task A_standard_user_granted_audit_read_reads_the_orgs_audit_and_nothing_of_other_orgs()
    {
        var org = await TestOrg.CreateAsync(fixture, "Audit readers");
        var other = await TestOrg.CreateAsync(fixture, "Audit others");
        var (userId, email) = await org.AddMemberAsync("standard");
        var withoutIt = await org.SignInAsync(email);
        await (await withoutIt.GetAsync("/api/v1/audit")).AssertProblemAsync(HttpStatusCode.Forbidden);

        await org.SetPermissionsAsync(userId, ["audit.read"], []);
        var reader = await org.SignInAsync(email);
        var page = await reader.GetFromJsonAsync<JsonElement>("/api/v1/audit?limit=200");
        using var foreign = await reader.GetAsync($"/api/v1/audit?orgId={other.Id}");
        var export = await reader.GetFromJsonAsync<JsonElement>("/api/v1/audit/export.json");

        Assert.Contains(page.GetProperty("items").EnumerateArray(), entry => entry.GetProperty("action").GetString() == "user.permissions");
        Assert.All(page.GetProperty("items").EnumerateArray(), entry => Assert.Equal(org.Id, entry.GetProperty("orgId").GetGuid()));
        await foreign.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.All(export.EnumerateArray(), entry => Assert.Equal(org.Id, entry.GetProperty("orgId").GetGuid()));
    }

    [Fact]
    public async Task Permissions_are_shown_changed_audited_and_a_change_ends_the_members_sessions()
    {
        var org = await TestOrg.CreateAsync(fixture, "Permissions");
        var (userId, email) = await org.AddMemberAsync("standard");
        using var anonymous = platform.CreateClient();
        using var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestOrg.MemberPassword });
        var refreshToken = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString();

        var shown = await org.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{org.Id}/users/{userId}/permissions");
        await org.SetPermissionsAsync(userId, ["cache.manage", "task.define"], ["task.execute"]);
        var changed = await org.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{org.Id}/users/{userId}/permissions");
        using var bad = await org.Admin.PutAsJsonAsync($"/api/v1/orgs/{org.Id}/users/{userId}/permissions", new { grant = Unknown });
        using var empty = await org.Admin.PutAsJsonAsync($"/api/v1/orgs/{org.Id}/users/{userId}/permissions", new { });
        using var refresh = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

        Assert.Equal(["job.create", "task.execute"], Strings(shown.GetProperty("defaults")));
        Assert.Equal(["job.create", "task.execute"], Strings(shown.GetProperty("effective")));
        Assert.Equal(["cache.manage", "task.define"], Strings(changed.GetProperty("granted")));
        Assert.Equal(["task.execute"], Strings(changed.GetProperty("withheld")));
        Assert.Equal(["cache.manage", "job.create", "task.define"], Strings(changed.GetProperty("effective")));
        await bad.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await empty.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await refresh.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var audit = await org.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=user.permissions&target={userId}");
        Assert.Single(audit.GetProperty("items").EnumerateArray());

        var member = await org.SignInAsync(email);
        var me = await member.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(["cache.manage", "job.create", "task.define"], Strings(me.GetProperty("permissions")));
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/cache?orgId={org.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/orgs/{org.Id}/users/{userId}/permissions")).StatusCode);
        using var service = new HttpClient { BaseAddress = echo.Address };
        using var task = await member.PostAsJsonAsync("/api/v1/tasks", new
        {
            name = "defined-by-a-member",
            version = "1.0.0",
            document = await service.GetStringAsync("/openapi.json"),
            deployment = new { image = "moldash/echo:1" },
        });
        Assert.Equal(HttpStatusCode.Created, task.StatusCode);
        await (await member.GetAsync($"/api/v1/orgs/{org.Id}/users")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_last_member_able_to_manage_users_cannot_give_it_up()
    {
        var org = await TestOrg.CreateAsync(fixture, "Lockout");
        string[] userManage = ["user.manage"];

        using var alone = await org.Admin.PutAsJsonAsync($"/api/v1/orgs/{org.Id}/users/{org.AdminId}/permissions", new { withhold = userManage });
        var (managerId, _) = await org.AddMemberAsync("standard");
        await org.SetPermissionsAsync(managerId, userManage, []);
        using var handedOver = await org.Admin.PutAsJsonAsync($"/api/v1/orgs/{org.Id}/users/{org.AdminId}/permissions", new { withhold = userManage });
        using var root = platform.CreateClient(fixture.RootToken);
        using var lastManager = await root.PostAsync($"/api/v1/orgs/{org.Id}/users/{managerId}/disable", null);

        Assert.Contains("last enabled member able to manage users", (await alone.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, handedOver.StatusCode);
        await lastManager.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    private async Task<(Guid Org, HttpClient Admin)> OrgWithTwoTasksAsync()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        var admin = platform.CreateClient(scenario.AdminToken);
        using var service = new HttpClient { BaseAddress = echo.Address };
        var document = await service.GetStringAsync("/openapi.json");
        (await admin.PostAsJsonAsync("/api/v1/tasks", new { name = "echo-two", version = "1.0.0", category = "other", document, deployment = new { image = "moldash/echo:1" } })).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/tasks/echo-two/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/tasks/echo-two/versions/1.0.0/service/instances", new { address = echo.Address.ToString() })).EnsureSuccessStatusCode();
        var graph = new
        {
            nodes = new[] { new { id = "first", taskName = "echo", taskVersion = "1.0.0" }, new { id = "second", taskName = "echo-two", taskVersion = "1.0.0" } },
            inputs = new[] { new { name = "message", targets = new[] { new { nodeId = "first", pointer = "/message" }, new { nodeId = "second", pointer = "/message" } } } },
        };
        (await admin.PostAsJsonAsync("/api/v1/pipelines", new { name = "both", visibility = "Org", graph })).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/pipelines/both/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();
        return (scenario.OrgId, admin);
    }

    private static async Task<(Guid UserId, string Email)> AddMemberAsync(HttpClient admin, Guid org)
    {
        var email = TestOrg.NewEmail("runner");
        using var created = await admin.PostAsJsonAsync($"/api/v1/orgs/{org}/users", new { email, password = TestOrg.MemberPassword, roles = Standard });
        created.EnsureSuccessStatusCode();
        return ((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("userId").GetGuid(), email);
    }

    private static async Task SetPermissionsAsync(HttpClient admin, Guid org, Guid userId, string[] grant, string[] withhold) =>
        (await admin.PutAsJsonAsync($"/api/v1/orgs/{org}/users/{userId}/permissions", new { grant, withhold })).EnsureSuccessStatusCode();

    private static Task<HttpResponseMessage> RunAsync(HttpClient client, string task) =>
        client.PostAsJsonAsync($"/api/v1/tasks/{task}/versions/1.0.0/runs", new { parameters = new { message = "hello" } });

    private static List<string?> Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString())];
}
