using System.Net.Http.Json;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Infrastructure;

/// <summary>One running platform shared by the tests of the "platform" collection.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public PlatformUnderTest Platform { get; private set; } = null!;

    public string RootToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Platform = await PlatformUnderTest.StartAsync("api");
        RootToken = await Platform.LoginAsRootAsync();
    }

    public async Task DisposeAsync() => await Platform.DisposeAsync();

    /// <summary>Adds a new member with <paramref name="role"/> to the org (as Root) and returns their access token.</summary>
    public async Task<string> NewMemberTokenAsync(Guid orgId, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@moldash.test";
        const string password = "member-password-1";
        using (var root = Platform.CreateClient(RootToken))
        {
            using var created = await root.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users", new { email, password, roles = new[] { role } });
            created.EnsureSuccessStatusCode();
        }

        return await Platform.AccessTokenAsync(email, password);
    }
}
