using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Api;

/// <summary>
/// Rotating the JWT signing key by key id, on API processes started beside the platform's own (which keeps
/// the single Jwt:SigningKey setting `./moldash up` uses).
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class SigningKeyRotationTests(PlatformFixture fixture)
{
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task A_token_signed_with_the_previous_key_validates_after_rotation_and_stops_once_the_key_is_removed()
    {
        var previous = Convert.ToBase64String(platform.SigningKey);
        var next = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var signedBefore = fixture.RootToken;

        var rotated = await platform.AddApiAsync(new Dictionary<string, string>
        {
            ["Jwt__SigningKey"] = "",
            ["Jwt__SigningKeys__0__Id"] = "previous",
            ["Jwt__SigningKeys__0__Key"] = previous,
            ["Jwt__SigningKeys__1__Id"] = "next",
            ["Jwt__SigningKeys__1__Key"] = next,
            ["Jwt__SigningKeys__1__Active"] = "true",
        });
        var signedAfter = await SignInAsRootAsync(rotated.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(rotated.BaseAddress, signedBefore));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(rotated.BaseAddress, signedAfter));
        Assert.Equal("next", new JsonWebTokenHandler().ReadJsonWebToken(signedAfter).Kid);
        // The platform's own API has not rotated yet: it does not know the new key.
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(platform.ApiAddress, signedAfter));
        await rotated.StopAsync();

        var removed = await platform.AddApiAsync(new Dictionary<string, string>
        {
            ["Jwt__SigningKey"] = "",
            ["Jwt__SigningKeys__0__Id"] = "next",
            ["Jwt__SigningKeys__0__Key"] = next,
            ["Jwt__SigningKeys__0__Active"] = "true",
        });
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(removed.BaseAddress, signedBefore));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(removed.BaseAddress, signedAfter));
        await removed.StopAsync();
    }

    [Fact]
    public async Task Tokens_name_their_key_and_a_key_ring_with_two_active_keys_stops_the_api_at_start()
    {
        var kid = new JsonWebTokenHandler().ReadJsonWebToken(fixture.RootToken).Kid;
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => platform.AddApiAsync(new Dictionary<string, string>
        {
            ["Jwt__SigningKeys__0__Id"] = "one",
            ["Jwt__SigningKeys__0__Key"] = key,
            ["Jwt__SigningKeys__0__Active"] = "true",
            ["Jwt__SigningKeys__1__Id"] = "two",
            ["Jwt__SigningKeys__1__Key"] = key,
            ["Jwt__SigningKeys__1__Active"] = "true",
        }));

        Assert.Matches("^[0-9a-f]{16}$", kid);
        Assert.Contains("more than one key Active", error.Message, StringComparison.Ordinal);
    }

    private async Task<string> SignInAsRootAsync(Uri api)
    {
        using var client = PlatformUnderTest.CreateClient(api, null);
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = PlatformUnderTest.RootEmail, password = platform.RootPassword });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<HttpStatusCode> StatusAsync(Uri api, string token)
    {
        using var client = PlatformUnderTest.CreateClient(api, token);
        using var response = await client.GetAsync("/api/v1/orgs?limit=1");
        return response.StatusCode;
    }
}
