using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Api;

[Collection(PlatformTestGroup.Name)]
public sealed class UserManagementTests(PlatformFixture fixture)
{
    private static readonly string[] Standard = ["standard"];
    private static readonly string[] Admin = ["admin"];
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task An_admin_adds_a_standard_user_who_signs_into_the_org_with_the_generated_password()
    {
        var (orgId, admin) = await CreateOrgWithAdminAsync();

        using var created = await admin.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users",
            new { email = NewEmail("chemist"), displayName = "Ada Chemist", roles = Standard });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var email = body.GetProperty("user").GetProperty("email").GetString()!;
        var password = body.GetProperty("initialPassword").GetString()!;
        var token = await platform.AccessTokenAsync(email, password);
        var claims = new JsonWebTokenHandler().ReadJsonWebToken(token).Claims.ToList();
        Assert.Contains(claims, c => c.Type == "org_id" && c.Value == orgId.ToString());
        Assert.Contains(claims, c => c.Type == "roles" && c.Value == "standard");
        using var standard = platform.CreateClient(token);
        Assert.Equal(HttpStatusCode.OK, (await standard.GetAsync($"/api/v1/orgs/{orgId}")).StatusCode);
    }

    [Fact]
    public async Task A_standard_user_cannot_manage_users_list_all_orgs_or_read_the_audit_log()
    {
        var org = await TestOrg.CreateAsync(fixture, "Users");
        var (orgId, admin) = (org.Id, org.Admin);
        var standard = await org.SignInAsync((await org.AddMemberAsync("standard")).Email);

        using var addUser = await standard.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users", new { email = NewEmail("x"), roles = Standard });
        using var listOrgs = await standard.GetAsync("/api/v1/orgs");
        using var audit = await standard.GetAsync("/api/v1/audit");

        await addUser.AssertProblemAsync(HttpStatusCode.Forbidden);
        await listOrgs.AssertProblemAsync(HttpStatusCode.Forbidden);
        await audit.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_orgs_admin_gets_404_for_everything_of_this_org()
    {
        var (orgId, admin) = await CreateOrgWithAdminAsync();
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{orgId}/users");
        var userId = page.GetProperty("items")[0].GetProperty("userId").GetGuid();
        var (_, outsider) = await CreateOrgWithAdminAsync();

        var responses = new[]
        {
            await outsider.GetAsync($"/api/v1/orgs/{orgId}"),
            await outsider.GetAsync($"/api/v1/orgs/{orgId}/users"),
            await outsider.GetAsync($"/api/v1/orgs/{orgId}/users/{userId}"),
            await outsider.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users", new { email = NewEmail("spy"), roles = Admin }),
            await outsider.PutAsJsonAsync($"/api/v1/orgs/{orgId}/users/{userId}/roles", new { roles = Standard }),
            await outsider.PostAsync($"/api/v1/orgs/{orgId}/users/{userId}/disable", null),
            await outsider.GetAsync($"/api/v1/audit?orgId={orgId}"),
        };

        foreach (var response in responses)
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.DoesNotContain(userId.ToString(), problem.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_last_admin_can_neither_drop_their_role_nor_be_disabled_until_another_admin_exists()
    {
        var (orgId, admin) = await CreateOrgWithAdminAsync();
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        var myId = me.GetProperty("userId").GetGuid();

        using var demote = await admin.PutAsJsonAsync($"/api/v1/orgs/{orgId}/users/{myId}/roles", new { roles = Standard });
        using var disable = await admin.PostAsync($"/api/v1/orgs/{orgId}/users/{myId}/disable", null);
        await demote.AssertProblemAsync(HttpStatusCode.Conflict);
        await disable.AssertProblemAsync(HttpStatusCode.Conflict);

        await admin.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users", new { email = NewEmail("second"), roles = Admin });
        using var demoteNow = await admin.PutAsJsonAsync($"/api/v1/orgs/{orgId}/users/{myId}/roles", new { roles = Standard });
        Assert.Equal(HttpStatusCode.OK, demoteNow.StatusCode);
        Assert.Equal("standard", (await demoteNow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task A_disabled_member_loses_access_at_once_and_cannot_sign_in_until_enabled_again()
    {
        var (orgId, admin) = await CreateOrgWithAdminAsync();
        var email = NewEmail("temp");
        using var created = await admin.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users", new { email, password = "member-password-1", roles = Standard });
        var userId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("userId").GetGuid();
        using var signedIn = platform.CreateClient(await platform.AccessTokenAsync(email, "member-password-1"));
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync($"/api/v1/orgs/{orgId}")).StatusCode);

        (await admin.PostAsync($"/api/v1/orgs/{orgId}/users/{userId}/disable", null)).EnsureSuccessStatusCode();
        using var withOldToken = await signedIn.GetAsync($"/api/v1/orgs/{orgId}");
        using var anonymous = platform.CreateClient();
        using var refused = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "member-password-1" });
        (await admin.PostAsync($"/api/v1/orgs/{orgId}/users/{userId}/enable", null)).EnsureSuccessStatusCode();

        await withOldToken.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(string.IsNullOrEmpty(await platform.AccessTokenAsync(email, "member-password-1")));
    }

    [Fact]
    public async Task A_member_of_two_orgs_names_the_org_and_gets_that_orgs_roles()
    {
        var (firstOrg, firstAdmin) = await CreateOrgWithAdminAsync();
        var (secondOrg, secondAdmin) = await CreateOrgWithAdminAsync();
        var email = NewEmail("consultant");
        await firstAdmin.PostAsJsonAsync($"/api/v1/orgs/{firstOrg}/users", new { email, password = "consultant-pass-1", roles = Admin });
        using var joined = await secondAdmin.PostAsJsonAsync($"/api/v1/orgs/{secondOrg}/users", new { email, password = "ignored-for-existing", roles = Standard });
        Assert.Equal(JsonValueKind.Null, (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("initialPassword").ValueKind);

        using var anonymous = platform.CreateClient();
        using var ambiguous = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "consultant-pass-1" });
        var token = await platform.AccessTokenAsync(email, "consultant-pass-1", secondOrg);

        var problem = await ambiguous.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(secondOrg.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var claims = new JsonWebTokenHandler().ReadJsonWebToken(token).Claims.ToList();
        Assert.Contains(claims, c => c.Type == "org_id" && c.Value == secondOrg.ToString());
        Assert.Contains(claims, c => c.Type == "roles" && c.Value == "standard");
    }

    [Theory]
    [InlineData("""{"email":"not-an-email","roles":["standard"]}""")]
    [InlineData("""{"email":"ok@x.test","roles":["root"]}""")]
    [InlineData("""{"email":"ok@x.test","roles":[]}""")]
    [InlineData("""{"email":"ok@x.test","password":"short","roles":["standard"]}""")]
    public async Task Bad_user_fields_are_422s(string body)
    {
        var (orgId, admin) = await CreateOrgWithAdminAsync();

        using var response = await admin.PostAsync($"/api/v1/orgs/{orgId}/users", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Adding_the_same_person_twice_is_a_409_and_both_changes_are_audited_for_the_org_admin()
    {
        var (orgId, admin) = await CreateOrgWithAdminAsync();
        var email = NewEmail("twice");
        await admin.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users", new { email, roles = Standard });

        using var again = await admin.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users", new { email, roles = Admin });
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=user.create");

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        var entries = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, entry => Assert.Equal(orgId, entry.GetProperty("orgId").GetGuid()));
    }

    private async Task<(Guid OrgId, HttpClient Admin)> CreateOrgWithAdminAsync()
    {
        var org = await TestOrg.CreateAsync(fixture, "Users");
        return (org.Id, org.Admin);
    }

    private static string NewEmail(string who) => TestOrg.NewEmail(who);
}
