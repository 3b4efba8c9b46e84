using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Testing;

namespace MolDash.Browser.Tests.Infrastructure;

/// <summary>A fresh org with an Admin and a Standard member who sign in with <see cref="Password"/>, made through the API as Root.</summary>
public sealed record PipelineOrg(Guid Id, string AdminEmail, string AdminToken, string MemberEmail, string MemberToken)
{
    public const string Password = "pipeline-password-1";

    public static async Task<PipelineOrg> CreateAsync(DashboardFixture dashboard)
    {
        var platform = dashboard.Platform;
        using var root = platform.CreateClient(dashboard.RootToken);
        using var org = await root.PostAsJsonAsync("/api/v1/orgs", new { name = $"Pipelines {Guid.NewGuid():N}"[..30] });
        org.EnsureSuccessStatusCode();
        var id = (await org.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var admin = await AddUserAsync(root, id, "admin");
        var member = await AddUserAsync(root, id, "standard");
        return new PipelineOrg(id, admin, await platform.AccessTokenAsync(admin, Password), member, await platform.AccessTokenAsync(member, Password));
    }

    private static async Task<string> AddUserAsync(HttpClient root, Guid orgId, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@moldash.test";
        using var created = await root.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users", new { email, password = Password, roles = new[] { role } });
        created.EnsureSuccessStatusCode();
        return email;
    }
}
