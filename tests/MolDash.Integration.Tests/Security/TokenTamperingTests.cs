using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Security;

/// <summary>
/// What a member can do with a token they hold: edit its payload (the signature no longer matches), ask for
/// more than their role allows with it unchanged, or, with the signing key itself, sign a token that claims
/// more than their membership holds (the silo compares every token with the live membership).
/// Unsigned, expired and foreign-key tokens on every endpoint: <see cref="EndpointAuthorizationTests"/>.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class TokenTamperingTests(PlatformFixture fixture)
{
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task A_genuine_token_with_its_payload_edited_is_refused_whatever_it_now_claims()
    {
        var org = await TestOrg.CreateAsync(fixture, "Tampering");
        var other = await TestOrg.CreateAsync(fixture, "Tampering other");
        var (_, email) = await org.AddMemberAsync("standard");
        var token = await platform.AccessTokenAsync(email, TestOrg.MemberPassword, org.Id);
        var edits = new Dictionary<string, Action<JsonObject>>
        {
            ["roles: admin"] = payload => payload["roles"] = "admin",
            ["roles: root, no org"] = payload => { payload["roles"] = "root"; payload.Remove("org_id"); },
            ["every permission"] = payload => payload["permissions"] = new JsonArray("job.create", "task.execute", "task.define", "user.manage", "audit.read"),
            ["another org"] = payload => payload["org_id"] = other.Id.ToString(),
            ["another user (the admin)"] = payload => payload["sub"] = org.AdminId.ToString(),
            ["a day longer"] = payload => payload["exp"] = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds(),
        };

        foreach (var (edit, change) in edits)
        {
            using var client = platform.CreateClient(TestTokens.WithPayloadEdited(token, change));
            foreach (var path in new[] { "/api/v1/auth/me", $"/api/v1/orgs/{org.Id}/users", "/api/v1/audit" })
            {
                using var response = await client.GetAsync(path);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{edit} on {path}: {(int)response.StatusCode}");
                await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
            }
        }

        using var unedited = platform.CreateClient(token);
        Assert.Equal(HttpStatusCode.OK, (await unedited.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_with_the_platforms_key_by_another_algorithm_or_for_another_issuer_or_audience_is_refused()
    {
        var key = platform.SigningKey;
        var claims = TestTokens.ClaimsOf(fixture.RootToken);
        var tokens = new Dictionary<string, string>
        {
            ["HS384"] = TestTokens.Create(key, claims, TimeSpan.FromMinutes(5), SecurityAlgorithms.HmacSha384),
            ["another issuer"] = TestTokens.Create(key, claims, TimeSpan.FromMinutes(5), issuer: "https://evil.example"),
            ["another audience"] = TestTokens.Create(key, claims, TimeSpan.FromMinutes(5), audience: "another-api"),
        };

        foreach (var (what, token) in tokens)
        {
            using var client = platform.CreateClient(token);
            using var response = await client.GetAsync("/api/v1/orgs");
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode}");
        }

        using var genuine = platform.CreateClient(TestTokens.Create(key, claims, TimeSpan.FromMinutes(5)));
        Assert.Equal(HttpStatusCode.OK, (await genuine.GetAsync("/api/v1/orgs")).StatusCode);
    }

    [Fact]
    public async Task A_standard_member_with_a_genuine_token_cannot_do_what_admins_do_nor_make_themself_one()
    {
        var org = await TestOrg.CreateAsync(fixture, "Escalation");
        var (memberId, email) = await org.AddMemberAsync("standard");
        using var member = await org.SignInAsync(email);
        var attempts = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Put, $"/api/v1/orgs/{org.Id}/users/{memberId}/roles", new { roles = new[] { "admin" } }),
            (HttpMethod.Put, $"/api/v1/orgs/{org.Id}/users/{memberId}/permissions", new { grant = new[] { "user.manage" }, withhold = Array.Empty<string>() }),
            (HttpMethod.Post, $"/api/v1/orgs/{org.Id}/users", new { email = TestOrg.NewEmail("crony"), password = "crony-password-1", roles = new[] { "admin" } }),
            (HttpMethod.Post, $"/api/v1/orgs/{org.Id}/invitations", new { email = TestOrg.NewEmail("crony"), roles = new[] { "admin" } }),
            (HttpMethod.Post, $"/api/v1/orgs/{org.Id}/users/{org.AdminId}/disable", null),
            (HttpMethod.Get, "/api/v1/audit", null),
            (HttpMethod.Post, "/api/v1/tasks", new { name = "sneaky", version = "1.0.0", document = "{}" }),
            (HttpMethod.Get, "/dashboard/", null),
            (HttpMethod.Get, "/dashboard/DashboardCounters", null),
        };

        foreach (var (method, path, body) in attempts)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await member.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode}");
        }

        var membership = await org.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{org.Id}/users/{memberId}");
        Assert.Equal(["standard"], membership.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        var admin = await org.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{org.Id}/users/{org.AdminId}");
        Assert.False(admin.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task Even_a_token_signed_with_the_platforms_key_that_claims_more_than_the_membership_holds_is_refused_by_the_silo()
    {
        var org = await TestOrg.CreateAsync(fixture, "Stolen key");
        var other = await TestOrg.CreateAsync(fixture, "Stolen key other");
        var (_, email) = await org.AddMemberAsync("standard");
        var claims = TestTokens.ClaimsOf(await platform.AccessTokenAsync(email, TestOrg.MemberPassword, org.Id));
        var forged = new Dictionary<string, (List<Claim> Claims, Guid Org)>
        {
            ["role admin"] = ([.. claims.Where(claim => claim.Type != "roles"), new Claim("roles", "admin"), new Claim("permissions", "user.manage")], org.Id),
            ["an extra permission"] = ([.. claims, new Claim("permissions", "user.manage")], org.Id),
            ["another org's admin"] = ([.. claims.Where(claim => claim.Type is not ("roles" or "org_id")), new Claim("roles", "admin"),
                new Claim("permissions", "user.manage"), new Claim("org_id", other.Id.ToString())], other.Id),
        };

        foreach (var (what, (forgedClaims, orgId)) in forged)
        {
            using var client = platform.CreateClient(TestTokens.Create(platform.SigningKey, forgedClaims, TimeSpan.FromMinutes(5)));
            using var response = await client.GetAsync($"/api/v1/orgs/{orgId}/users");
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(org.AdminEmail, body, StringComparison.Ordinal);
            Assert.DoesNotContain(other.AdminEmail, body, StringComparison.Ordinal);
        }
    }
}
