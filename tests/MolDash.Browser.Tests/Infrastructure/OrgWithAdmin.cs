using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Testing;

namespace MolDash.Browser.Tests.Infrastructure;

/// <summary>An organization with one Admin, made through the API as Root, for tests whose subject comes after provisioning.</summary>
public sealed record OrgWithAdmin(Guid Id, string Name, string AdminEmail)
{
    public const string AdminPassword = "admin-password-123";

    private static readonly string[] AdminRole = ["admin"];

    public static async Task<OrgWithAdmin> CreateAsync(DashboardFixture dashboard, string prefix)
    {
        using var root = dashboard.Platform.CreateClient(dashboard.RootToken);
        var name = $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];
        using var org = await root.PostAsJsonAsync("/api/v1/orgs", new { name });
        org.EnsureSuccessStatusCode();
        var id = (await org.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var email = $"admin-{Guid.NewGuid():N}@moldash.test";
        using var admin = await root.PostAsJsonAsync($"/api/v1/orgs/{id}/users", new { email, password = AdminPassword, roles = AdminRole });
        admin.EnsureSuccessStatusCode();
        return new OrgWithAdmin(id, name, email);
    }

    /// <summary>Puts the echo service's task in the org's registry as echo 1.0.0 (published, served by it) as the Admin; the Admin's access token.</summary>
    public async Task<string> AddEchoTaskAsync(DashboardFixture dashboard, EchoService echo)
    {
        var token = await dashboard.Platform.AccessTokenAsync(AdminEmail, AdminPassword, Id);
        await TaskRegistration.AddTaskAsync(dashboard.Platform, token, echo.Address, "echo", operationId: null);
        return token;
    }

    /// <summary>Adds a member with <paramref name="role"/> (as Root) and returns their email; the password is <paramref name="password"/>.</summary>
    public async Task<string> AddMemberAsync(DashboardFixture dashboard, string role, string password)
    {
        using var root = dashboard.Platform.CreateClient(dashboard.RootToken);
        var email = $"{role}-{Guid.NewGuid():N}@moldash.test";
        using var created = await root.PostAsJsonAsync($"/api/v1/orgs/{Id}/users", new { email, password, roles = new[] { role } });
        created.EnsureSuccessStatusCode();
        return email;
    }
}
