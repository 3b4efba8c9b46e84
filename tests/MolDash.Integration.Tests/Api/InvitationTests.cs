using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;
using Npgsql;

namespace MolDash.Integration.Tests.Api;

[Collection(PlatformTestGroup.Name)]
public sealed class InvitationTests(PlatformFixture fixture)
{
    private const string NewPassword = "a-brand-new-password";
    private static readonly string[] Standard = ["standard"];
    private static readonly string[] Admin = ["admin"];
    private static readonly string[] AuditRead = ["audit.read"];
    private static readonly string[] EchoOnly = ["task.execute:echo"];
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task An_admin_invites_a_new_email_who_accepts_with_a_password_and_is_signed_in_with_the_invited_permissions()
    {
        var org = await TestOrg.CreateAsync(fixture, "Invites");
        var email = TestOrg.NewEmail("invitee");

        using var invited = await org.Admin.PostAsJsonAsync($"/api/v1/orgs/{org.Id}/invitations",
            new { email, displayName = "Grace", roles = Standard, grant = AuditRead });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        var body = await invited.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        var invitationId = body.GetProperty("invitation").GetProperty("id").GetGuid();
        Assert.Equal("Pending", body.GetProperty("invitation").GetProperty("status").GetString());
        Assert.InRange(body.GetProperty("invitation").GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));
        var pending = await org.Admin.GetStringAsync($"/api/v1/orgs/{org.Id}/invitations");
        Assert.Contains(invitationId.ToString(), pending, StringComparison.Ordinal);
        Assert.DoesNotContain(token, pending, StringComparison.Ordinal);

        using var anonymous = platform.CreateClient();
        using var accepted = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { token, password = NewPassword });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var session = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var claims = new JsonWebTokenHandler().ReadJsonWebToken(session.GetProperty("accessToken").GetString()).Claims.ToList();
        Assert.Contains(claims, c => c.Type == "org_id" && c.Value == org.Id.ToString());
        Assert.Contains(claims, c => c.Type == "roles" && c.Value == "standard");
        Assert.Contains(claims, c => c.Type == "permissions" && c.Value == "audit.read");
        Assert.Contains(claims, c => c.Type == "permissions" && c.Value == "job.create");
        using var member = platform.CreateClient(session.GetProperty("accessToken").GetString());
        var me = await member.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{org.Id}/users/{claims.Single(c => c.Type == "sub").Value}");
        Assert.Equal("Grace", me.GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/v1/audit")).StatusCode);
        Assert.False(string.IsNullOrEmpty(await platform.AccessTokenAsync(email, NewPassword)));
        Assert.DoesNotContain(invitationId.ToString(), await org.Admin.GetStringAsync($"/api/v1/orgs/{org.Id}/invitations"), StringComparison.Ordinal);
        var actions = await AuditActionsAsync(org.Admin, invitationId);
        Assert.Equal(["user.invite.accept", "user.invite"], actions);
    }

    [Fact]
    public async Task A_used_revoked_expired_or_unknown_token_is_refused_clearly()
    {
        var org = await TestOrg.CreateAsync(fixture, "Invites");
        var used = await InviteAsync(org, TestOrg.NewEmail("used"));
        var revoked = await InviteAsync(org, TestOrg.NewEmail("revoked"));
        var expired = await InviteAsync(org, TestOrg.NewEmail("expired"));
        using var anonymous = platform.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { token = used.Token, password = NewPassword })).EnsureSuccessStatusCode();
        using var revoke = await org.Admin.PostAsync($"/api/v1/orgs/{org.Id}/invitations/{revoked.Id}/revoke", null);
        Assert.Equal("Revoked", (await revoke.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await ExpireAsync(expired.Id);

        using var again = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { token = used.Token, password = NewPassword });
        using var afterRevoke = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { token = revoked.Token, password = NewPassword });
        using var afterExpiry = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { token = expired.Token, password = NewPassword });
        using var unknown = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { token = "not-a-token", password = NewPassword });
        using var revokeAccepted = await org.Admin.PostAsync($"/api/v1/orgs/{org.Id}/invitations/{used.Id}/revoke", null);

        Assert.Contains("accepted already", (await again.AssertProblemAsync(HttpStatusCode.Gone)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("revoked", (await afterRevoke.AssertProblemAsync(HttpStatusCode.Gone)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("expired", (await afterExpiry.AssertProblemAsync(HttpStatusCode.Gone)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        await revokeAccepted.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_email_with_an_account_joins_with_its_current_password_which_stays_unchanged()
    {
        var first = await TestOrg.CreateAsync(fixture, "Home");
        var second = await TestOrg.CreateAsync(fixture, "Guest");
        var (_, email) = await first.AddMemberAsync("standard");
        var invitation = await InviteAsync(second, email, Admin);
        using var anonymous = platform.CreateClient();

        using var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { invitation.Token, password = NewPassword });
        using var right = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { invitation.Token, password = TestOrg.MemberPassword });

        Assert.Contains("has an account already", (await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var claims = new JsonWebTokenHandler().ReadJsonWebToken((await right.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()).Claims.ToList();
        Assert.Contains(claims, c => c.Type == "org_id" && c.Value == second.Id.ToString());
        Assert.Contains(claims, c => c.Type == "roles" && c.Value == "admin");
        Assert.False(string.IsNullOrEmpty(await platform.AccessTokenAsync(email, TestOrg.MemberPassword, first.Id)));
    }

    [Fact]
    public async Task The_password_policy_applies_when_accepting_and_the_invitation_stays_usable()
    {
        var org = await TestOrg.CreateAsync(fixture, "Invites");
        var email = TestOrg.NewEmail("careless");
        var invitation = await InviteAsync(org, email);
        using var anonymous = platform.CreateClient();

        using var tooShort = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { invitation.Token, password = "short" });
        using var ownEmail = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { invitation.Token, password = email });
        using var common = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { invitation.Token, password = "password1234" });
        using var missing = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { invitation.Token });
        using var good = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { invitation.Token, password = NewPassword });

        Assert.Contains("min-length", await RuleAsync(tooShort, "/password"), StringComparison.Ordinal);
        Assert.Contains("not-email", await RuleAsync(ownEmail, "/password"), StringComparison.Ordinal);
        Assert.Contains("not-common", await RuleAsync(common, "/password"), StringComparison.Ordinal);
        Assert.True((await missing.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("password", out _));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task Bad_invitations_are_refused_with_the_reason()
    {
        var org = await TestOrg.CreateAsync(fixture, "Invites");
        var pendingEmail = TestOrg.NewEmail("pending");
        await InviteAsync(org, pendingEmail);
        string[] unknownPermission = ["task.run"];

        using var badEmail = await Invite(org, new { email = "not-an-email", roles = Standard });
        using var noRoles = await Invite(org, new { email = TestOrg.NewEmail("x") });
        using var badPermission = await Invite(org, new { email = TestOrg.NewEmail("x"), roles = Standard, grant = unknownPermission });
        using var member = await Invite(org, new { email = org.AdminEmail, roles = Standard });
        using var twice = await Invite(org, new { email = pendingEmail, roles = Standard });
        using var unknownRevoke = await org.Admin.PostAsync($"/api/v1/orgs/{org.Id}/invitations/{Guid.NewGuid()}/revoke", null);

        await badEmail.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await noRoles.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True((await badPermission.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("/grant/0", out _));
        await member.AssertProblemAsync(HttpStatusCode.Conflict);
        await twice.AssertProblemAsync(HttpStatusCode.Conflict);
        await unknownRevoke.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_user_managers_invite_and_they_hand_out_no_more_than_they_hold()
    {
        var org = await TestOrg.CreateAsync(fixture, "Invites");
        var (_, standardEmail) = await org.AddMemberAsync("standard");
        var (managerId, managerEmail) = await org.AddMemberAsync("standard");
        await org.SetPermissionsAsync(managerId, ["user.manage"], []);
        var standard = await org.SignInAsync(standardEmail);
        var manager = await org.SignInAsync(managerEmail);

        using var byStandard = await standard.PostAsJsonAsync($"/api/v1/orgs/{org.Id}/invitations", new { email = TestOrg.NewEmail("x"), roles = Standard });
        using var asAdmin = await manager.PostAsJsonAsync($"/api/v1/orgs/{org.Id}/invitations", new { email = TestOrg.NewEmail("x"), roles = Admin });
        using var beyond = await manager.PostAsJsonAsync($"/api/v1/orgs/{org.Id}/invitations", new { email = TestOrg.NewEmail("x"), roles = Standard, grant = AuditRead });
        using var allowed = await manager.PostAsJsonAsync($"/api/v1/orgs/{org.Id}/invitations", new { email = TestOrg.NewEmail("x"), roles = Standard, grant = EchoOnly });

        await byStandard.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Admin role", (await asAdmin.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("audit.read", (await beyond.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    [Fact]
    public async Task Pending_invitations_page_by_cursor_and_an_invitation_into_a_suspended_org_waits()
    {
        var org = await TestOrg.CreateAsync(fixture, "Invites");
        var invitations = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            invitations.Add((await InviteAsync(org, TestOrg.NewEmail($"page{i}"))).Id);
        }

        var first = await org.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{org.Id}/invitations?limit=2");
        var rest = await org.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{org.Id}/invitations?limit=2&after={Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!)}");
        Assert.Equal(invitations, first.GetProperty("items").EnumerateArray().Concat(rest.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetGuid()));

        var waiting = await InviteAsync(org, TestOrg.NewEmail("waiting"));
        using var root = platform.CreateClient(fixture.RootToken);
        (await root.PostAsync($"/api/v1/orgs/{org.Id}/suspend", null)).EnsureSuccessStatusCode();
        using var anonymous = platform.CreateClient();
        using var suspended = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { waiting.Token, password = NewPassword });
        (await root.PostAsync($"/api/v1/orgs/{org.Id}/reactivate", null)).EnsureSuccessStatusCode();
        using var reactivated = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { waiting.Token, password = NewPassword });

        await suspended.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, reactivated.StatusCode);
    }

    private static Task<HttpResponseMessage> Invite(TestOrg org, object body) =>
        org.Admin.PostAsJsonAsync($"/api/v1/orgs/{org.Id}/invitations", body);

    private static async Task<(Guid Id, string Token)> InviteAsync(TestOrg org, string email, string[]? roles = null)
    {
        using var response = await Invite(org, new { email, roles = roles ?? Standard });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("invitation").GetProperty("id").GetGuid(), body.GetProperty("token").GetString()!);
    }

    /// <summary>Moves the invitation's expiry into the past, as waiting out its lifetime would.</summary>
    private async Task ExpireAsync(Guid invitationId)
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", invitationId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private static async Task<string> RuleAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        return problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private static async Task<List<string?>> AuditActionsAsync(HttpClient admin, Guid invitationId)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?target={invitationId}");
        return [.. page.GetProperty("items").EnumerateArray().Select(entry => entry.GetProperty("action").GetString())];
    }
}
