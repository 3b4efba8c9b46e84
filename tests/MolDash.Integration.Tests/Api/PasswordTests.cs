using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;
using Npgsql;

namespace MolDash.Integration.Tests.Api;

[Collection(PlatformTestGroup.Name)]
public sealed class PasswordTests(PlatformFixture fixture)
{
    private const string NewPassword = "a-fresh-start-password";
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task An_admin_issued_reset_sets_a_new_password_once_and_ends_every_session_of_the_user()
    {
        var org = await TestOrg.CreateAsync(fixture, "Resets");
        var (userId, email) = await org.AddMemberAsync("standard");
        var session = await SignInAsync(email, TestOrg.MemberPassword);
        using var signedIn = platform.CreateClient(session.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync($"/api/v1/orgs/{org.Id}")).StatusCode);

        var token = await IssueAsync(org, userId);
        using var anonymous = platform.CreateClient();
        using var reset = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { token, newPassword = NewPassword });

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        await (await signedIn.GetAsync($"/api/v1/orgs/{org.Id}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = session.GetProperty("refreshToken").GetString() }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestOrg.MemberPassword })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrEmpty(await platform.AccessTokenAsync(email, NewPassword)));
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { token, newPassword = "yet-another-password" }))
            .AssertProblemAsync(HttpStatusCode.Gone);
        var audit = await org.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?target={userId}");
        var actions = audit.GetProperty("items").EnumerateArray().Select(entry => entry.GetProperty("action").GetString()).ToList();
        Assert.Equal(["auth.password.reset", "user.password-reset"], actions.Take(2));
        Assert.DoesNotContain(token, audit.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_new_password_leaves_the_token_usable_and_bad_tokens_are_refused_clearly()
    {
        var org = await TestOrg.CreateAsync(fixture, "Resets");
        var (userId, email) = await org.AddMemberAsync("standard");
        var replaced = await IssueAsync(org, userId);
        var token = await IssueAsync(org, userId);
        var (otherId, _) = await org.AddMemberAsync("standard");
        var expired = await IssueAsync(org, otherId);
        await ExpireAsync(expired);
        using var anonymous = platform.CreateClient();

        using var weak = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { token, newPassword = email });
        using var afterExpiry = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { token = expired, newPassword = NewPassword });
        using var older = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { token = replaced, newPassword = NewPassword });
        using var unknown = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { token = "made-up", newPassword = NewPassword });
        using var missing = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { });
        using var good = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { token, newPassword = NewPassword });

        var rule = (await weak.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").GetProperty("/newPassword")[0].GetString();
        Assert.StartsWith("not-email", rule, StringComparison.Ordinal);
        Assert.Contains("expired", (await afterExpiry.AssertProblemAsync(HttpStatusCode.Gone)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("replaced by a newer one", (await older.AssertProblemAsync(HttpStatusCode.Gone)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        await missing.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.NoContent, good.StatusCode);
    }

    [Fact]
    public async Task Only_root_resets_the_password_of_someone_in_other_orgs_and_only_admins_reset_an_admins()
    {
        var home = await TestOrg.CreateAsync(fixture, "Home");
        var other = await TestOrg.CreateAsync(fixture, "Other");
        var (userId, email) = await home.AddMemberAsync("standard");
        await other.AddMemberAsync("standard", email: email);
        var (managerId, managerEmail) = await home.AddMemberAsync("standard");
        await home.SetPermissionsAsync(managerId, ["user.manage"], []);
        var manager = await home.SignInAsync(managerEmail);
        var (_, standardEmail) = await home.AddMemberAsync("standard");
        var standard = await home.SignInAsync(standardEmail);
        using var root = platform.CreateClient(fixture.RootToken);

        using var byAdmin = await home.Admin.PostAsync($"/api/v1/orgs/{home.Id}/users/{userId}/password-reset", null);
        using var byRoot = await root.PostAsync($"/api/v1/orgs/{home.Id}/users/{userId}/password-reset", null);
        using var adminByManager = await manager.PostAsync($"/api/v1/orgs/{home.Id}/users/{home.AdminId}/password-reset", null);
        using var byStandard = await standard.PostAsync($"/api/v1/orgs/{home.Id}/users/{managerId}/password-reset", null);
        using var unknownUser = await home.Admin.PostAsync($"/api/v1/orgs/{home.Id}/users/{Guid.NewGuid()}/password-reset", null);

        Assert.Contains("only Root", (await byAdmin.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byRoot.StatusCode);
        Assert.InRange((await byRoot.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow,
            TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(60));
        await adminByManager.AssertProblemAsync(HttpStatusCode.Forbidden);
        await byStandard.AssertProblemAsync(HttpStatusCode.Forbidden);
        await unknownUser.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_user_changes_their_own_password_with_the_current_one_and_carries_on_with_new_tokens()
    {
        var org = await TestOrg.CreateAsync(fixture, "Changes");
        var (_, email) = await org.AddMemberAsync("standard");
        var session = await SignInAsync(email, TestOrg.MemberPassword);
        using var member = platform.CreateClient(session.GetProperty("accessToken").GetString());

        using var wrongCurrent = await member.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "not-my-password", newPassword = NewPassword });
        using var weak = await member.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = TestOrg.MemberPassword, newPassword = "short" });
        using var same = await member.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = TestOrg.MemberPassword, newPassword = TestOrg.MemberPassword });
        using var changed = await member.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = TestOrg.MemberPassword, newPassword = NewPassword });

        Assert.True((await wrongCurrent.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("/currentPassword", out _));
        Assert.StartsWith("min-length", (await weak.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").GetProperty("/newPassword")[0].GetString(), StringComparison.Ordinal);
        await same.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var renewed = await changed.Content.ReadFromJsonAsync<JsonElement>();
        await (await member.GetAsync($"/api/v1/orgs/{org.Id}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var anonymous = platform.CreateClient();
        await (await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = session.GetProperty("refreshToken").GetString() }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var carriedOn = platform.CreateClient(renewed.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await carriedOn.GetAsync($"/api/v1/orgs/{org.Id}")).StatusCode);
        Assert.False(string.IsNullOrEmpty(await platform.AccessTokenAsync(email, NewPassword)));
    }

    private async Task<JsonElement> SignInAsync(string email, string password)
    {
        using var client = platform.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> IssueAsync(TestOrg org, Guid userId)
    {
        using var response = await org.Admin.PostAsync($"/api/v1/orgs/{org.Id}/users/{userId}/password-reset", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>Moves the token's expiry into the past, as waiting out its lifetime would.</summary>
    private async Task ExpireAsync(string token)
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE token_hash = @hash", connection);
        command.Parameters.AddWithValue("hash", Grains.Identity.OpaqueTokens.Hash(token));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
