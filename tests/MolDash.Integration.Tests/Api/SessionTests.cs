using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Api;

[Collection(PlatformTestGroup.Name)]
public sealed class SessionTests(PlatformFixture fixture)
{
    private static readonly string[] Standard = ["standard"];
    private static readonly string[] Admin = ["admin"];
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task A_refresh_token_rotates_and_yields_a_working_access_token()
    {
        var first = await SignInAsRootAsync();

        var second = await RefreshAsync(first.GetProperty("refreshToken").GetString()!);

        Assert.NotEqual(first.GetProperty("refreshToken").GetString(), second.GetProperty("refreshToken").GetString());
        using var client = platform.CreateClient(second.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/orgs")).StatusCode);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_ends_the_whole_session_and_is_audited()
    {
        var first = (await SignInAsRootAsync()).GetProperty("refreshToken").GetString()!;
        var second = (await RefreshAsync(first)).GetProperty("refreshToken").GetString()!;

        using var replay = await PostRefreshAsync(first);
        using var afterTheft = await PostRefreshAsync(second);

        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await afterTheft.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var root = platform.CreateClient(fixture.RootToken);
        var audit = await root.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=auth.refresh.reuse");
        Assert.NotEmpty(audit.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        var token = (await SignInAsRootAsync()).GetProperty("refreshToken").GetString()!;
        using var client = platform.CreateClient();

        using var logout = await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = token });
        using var refresh = await PostRefreshAsync(token);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await refresh.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Disabling_a_member_or_changing_their_roles_ends_their_sessions()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        using var org = await root.PostAsJsonAsync("/api/v1/orgs", new { name = $"Sessions {Guid.NewGuid():N}" });
        var orgId = (await org.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (disabledEmail, rerolledEmail) = ($"d-{Guid.NewGuid():N}@x.test", $"r-{Guid.NewGuid():N}@x.test");
        var disabledId = await AddMemberAsync(root, orgId, disabledEmail);
        var rerolledId = await AddMemberAsync(root, orgId, rerolledEmail);
        var disabledSession = (await SignInAsync(disabledEmail)).GetProperty("refreshToken").GetString()!;
        var rerolledSession = (await SignInAsync(rerolledEmail)).GetProperty("refreshToken").GetString()!;

        (await root.PostAsync($"/api/v1/orgs/{orgId}/users/{disabledId}/disable", null)).EnsureSuccessStatusCode();
        (await root.PutAsJsonAsync($"/api/v1/orgs/{orgId}/users/{rerolledId}/roles", new { roles = Admin })).EnsureSuccessStatusCode();

        await (await PostRefreshAsync(disabledSession)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await PostRefreshAsync(rerolledSession)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_missing_or_made_up_refresh_token_is_refused_clearly()
    {
        using var client = platform.CreateClient();

        using var missing = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { });
        using var madeUp = await PostRefreshAsync("made-up-token");

        await missing.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await madeUp.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static async Task<Guid> AddMemberAsync(HttpClient root, Guid orgId, string email)
    {
        using var created = await root.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users", new { email, password = "member-password-1", roles = Standard });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("userId").GetGuid();
    }

    private Task<JsonElement> SignInAsRootAsync() => SignInAsync(PlatformUnderTest.RootEmail, platform.RootPassword);

    private async Task<JsonElement> SignInAsync(string email, string password = "member-password-1")
    {
        using var client = platform.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> RefreshAsync(string refreshToken)
    {
        using var response = await PostRefreshAsync(refreshToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpResponseMessage> PostRefreshAsync(string refreshToken)
    {
        using var client = platform.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });
    }
}
