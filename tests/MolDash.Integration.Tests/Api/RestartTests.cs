using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Api;

/// <summary>Runs on a platform of its own, since it stops and starts the silo and the API.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private PlatformUnderTest platform = null!;

    public async Task InitializeAsync() => platform = await PlatformUnderTest.StartAsync("restart");

    public async Task DisposeAsync() => await platform.DisposeAsync();

    [Fact]
    public async Task An_organization_survives_a_full_restart_of_silo_and_api()
    {
        Guid id;
        using (var client = platform.CreateClient(await platform.LoginAsRootAsync()))
        {
            using var created = await client.PostAsJsonAsync("/api/v1/orgs", new { name = "Survivor Chemistry" });
            created.EnsureSuccessStatusCode();
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        await platform.RestartAsync();

        using var after = platform.CreateClient(await platform.LoginAsRootAsync());
        var org = await after.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{id}");
        Assert.Equal("Survivor Chemistry", org.GetProperty("name").GetString());
        var page = await after.GetFromJsonAsync<JsonElement>("/api/v1/orgs");
        Assert.Single(page.GetProperty("items").EnumerateArray(), item => item.GetProperty("id").GetGuid() == id);
    }
}
