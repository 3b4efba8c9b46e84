using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Infrastructure;

/// <summary>A fresh organization with one Admin, made through the API as Root, and the Admin signed in.</summary>
public sealed class TestOrg
{
    public const string AdminPassword = "admin-password-123";
    public const string MemberPassword = "member-password-1";

    private static readonly string[] AdminRole = ["admin"];
    private readonly PlatformUnderTest platform;

    private TestOrg(PlatformUnderTest platform, Guid id, string name, HttpClient admin, Guid adminId, string adminEmail)
    {
        this.platform = platform;
        (Id, Name, Admin, AdminId, AdminEmail) = (id, name, admin, adminId, adminEmail);
    }

    public Guid Id { get; }

    public string Name { get; }

    public HttpClient Admin { get; }

    public Guid AdminId { get; }

    public string AdminEmail { get; }

    public static async Task<TestOrg> CreateAsync(PlatformFixture fixture, string prefix)
    {
        var platform = fixture.Platform;
        var name = $"{prefix} {Guid.NewGuid():N}";
        using var root = platform.CreateClient(fixture.RootToken);
        using var org = await root.PostAsJsonAsync("/api/v1/orgs", new { name });
        org.EnsureSuccessStatusCode();
        var id = (await org.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var email = NewEmail("admin");
        using var admin = await root.PostAsJsonAsync($"/api/v1/orgs/{id}/users", new { email, password = AdminPassword, roles = AdminRole });
        admin.EnsureSuccessStatusCode();
        var adminId = (await admin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("userId").GetGuid();
        return new TestOrg(platform, id, name, platform.CreateClient(await platform.AccessTokenAsync(email, AdminPassword, id)), adminId, email);
    }

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@moldash.test";

    /// <summary>Adds a member with <paramref name="role"/> (as this org's Admin): a new account, or the one of <paramref name="email"/>.</summary>
    public async Task<(Guid UserId, string Email)> AddMemberAsync(string role, string password = MemberPassword, string? email = null)
    {
        email ??= NewEmail(role);
        using var created = await Admin.PostAsJsonAsync($"/api/v1/orgs/{Id}/users", new { email, password, roles = new[] { role } });
        created.EnsureSuccessStatusCode();
        return ((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("userId").GetGuid(), email);
    }

    /// <summary>Replaces the member's granted and withheld permissions (as this org's Admin).</summary>
    public async Task SetPermissionsAsync(Guid userId, string[] grant, string[] withhold)
    {
        using var response = await Admin.PutAsJsonAsync($"/api/v1/orgs/{Id}/users/{userId}/permissions", new { grant, withhold });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Signs the member into this org and returns a client with their access token.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = MemberPassword) =>
        platform.CreateClient(await platform.AccessTokenAsync(email, password, Id));
}
