using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Api;

[Collection(PlatformTestGroup.Name)]
public sealed class OrgSwitchTests(PlatformFixture fixture)
{
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task A_member_of_several_orgs_lists_them_and_switches_to_another_with_new_tokens()
    {
        var first = await TestOrg.CreateAsync(fixture, "First");
        var second = await TestOrg.CreateAsync(fixture, "Second");
        var (_, email) = await first.AddMemberAsync("standard");
        await second.AddMemberAsync("admin", email: email);
        var member = await first.SignInAsync(email);

        var orgs = await member.GetFromJsonAsync<JsonElement>("/api/v1/auth/orgs");
        using var switched = await member.PostAsJsonAsync("/api/v1/auth/switch-org", new { orgId = second.Id });

        Assert.Equal(first.Id, orgs.GetProperty("currentOrgId").GetGuid());
        var items = orgs.GetProperty("items").EnumerateArray().ToDictionary(org => org.GetProperty("orgId").GetGuid());
        Assert.Equal(2, items.Count);
        Assert.Equal("standard", items[first.Id].GetProperty("roles")[0].GetString());
        Assert.Equal("admin", items[second.Id].GetProperty("roles")[0].GetString());
        Assert.Equal(second.Name, items[second.Id].GetProperty("name").GetString());
        Assert.True(items[second.Id].GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        var tokens = await switched.Content.ReadFromJsonAsync<JsonElement>();
        var claims = new JsonWebTokenHandler().ReadJsonWebToken(tokens.GetProperty("accessToken").GetString()).Claims.ToList();
        Assert.Contains(claims, c => c.Type == "org_id" && c.Value == second.Id.ToString());
        Assert.Contains(claims, c => c.Type == "roles" && c.Value == "admin");
        using var inSecond = platform.CreateClient(tokens.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await inSecond.GetAsync($"/api/v1/orgs/{second.Id}/users")).StatusCode);
        using var anonymous = platform.CreateClient();
        var refreshed = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        var refreshedClaims = new JsonWebTokenHandler().ReadJsonWebToken((await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()).Claims;
        Assert.Contains(refreshedClaims, c => c.Type == "org_id" && c.Value == second.Id.ToString());
        var audit = await second.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=auth.switch-org&target={second.Id}");
        Assert.Equal(first.Id.ToString(), JsonDocument.Parse(audit.GetProperty("items")[0].GetProperty("detailsJson").GetString()!).RootElement.GetProperty("from").GetString());
    }

    [Fact]
    public async Task Switching_to_an_org_one_is_not_active_in_is_refused_as_404_or_403()
    {
        var home = await TestOrg.CreateAsync(fixture, "Home");
        var disabledIn = await TestOrg.CreateAsync(fixture, "Disabled in");
        var suspended = await TestOrg.CreateAsync(fixture, "Suspended");
        var stranger = await TestOrg.CreateAsync(fixture, "Stranger");
        var (_, email) = await home.AddMemberAsync("standard");
        var (disabledId, _) = await disabledIn.AddMemberAsync("standard", email: email);
        (await disabledIn.Admin.PostAsync($"/api/v1/orgs/{disabledIn.Id}/users/{disabledId}/disable", null)).EnsureSuccessStatusCode();
        await suspended.AddMemberAsync("standard", email: email);
        using var root = platform.CreateClient(fixture.RootToken);
        (await root.PostAsync($"/api/v1/orgs/{suspended.Id}/suspend", null)).EnsureSuccessStatusCode();
        var member = await home.SignInAsync(email);

        using var notMember = await member.PostAsJsonAsync("/api/v1/auth/switch-org", new { orgId = stranger.Id });
        using var unknown = await member.PostAsJsonAsync("/api/v1/auth/switch-org", new { orgId = Guid.NewGuid() });
        using var disabled = await member.PostAsJsonAsync("/api/v1/auth/switch-org", new { orgId = disabledIn.Id });
        using var inactive = await member.PostAsJsonAsync("/api/v1/auth/switch-org", new { orgId = suspended.Id });
        using var missing = await member.PostAsJsonAsync("/api/v1/auth/switch-org", new { });
        using var asRoot = await root.PostAsJsonAsync("/api/v1/auth/switch-org", new { orgId = home.Id });
        var rootOrgs = await root.GetFromJsonAsync<JsonElement>("/api/v1/auth/orgs");
        var listed = await member.GetFromJsonAsync<JsonElement>("/api/v1/auth/orgs");

        var notFound = await notMember.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(stranger.Name, notFound.ToString(), StringComparison.Ordinal);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("disabled", (await disabled.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("suspended", (await inactive.AssertProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await missing.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await asRoot.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Empty(rootOrgs.GetProperty("items").EnumerateArray());
        Assert.Equal(3, listed.GetProperty("items").GetArrayLength());
        Assert.Equal(1, listed.GetProperty("items").EnumerateArray().Count(org => org.GetProperty("active").GetBoolean()));
        (await root.PostAsync($"/api/v1/orgs/{suspended.Id}/reactivate", null)).EnsureSuccessStatusCode();
    }
}
