using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Api;

[Collection(PlatformTestGroup.Name)]
public sealed class AuthenticationTests(PlatformFixture fixture)
{
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task Root_signs_in_with_the_configured_password_and_gets_a_short_lived_root_token()
    {
        using var client = platform.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = PlatformUnderTest.RootEmail, password = platform.RootPassword });

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.InRange(body.GetProperty("expiresIn").GetInt32(), 840, 900);
        var token = new JsonWebTokenHandler().ReadJsonWebToken(body.GetProperty("accessToken").GetString());
        Assert.Contains(token.Claims, claim => claim.Type == "roles" && claim.Value == "root");
        Assert.Contains(token.Claims, claim => claim.Type == "email" && claim.Value == PlatformUnderTest.RootEmail);
    }

    [Fact]
    public async Task The_email_is_matched_without_regard_to_case()
    {
        using var client = platform.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = PlatformUnderTest.RootEmail.ToUpperInvariant(), password = platform.RootPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401()
    {
        using var client = platform.CreateClient();

        using var wrongPassword = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = PlatformUnderTest.RootEmail, password = "not-the-password" });
        using var unknownEmail = await client.PostAsJsonAsync("/api/v1/auth/login",
            new { email = "nobody@moldash.test", password = "not-the-password" });

        var first = await wrongPassword.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(first.GetProperty("detail").GetString(), second.GetProperty("detail").GetString());
        Assert.False(wrongPassword.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Missing_credentials_are_named_field_by_field()
    {
        using var client = platform.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task The_token_identifies_its_user_without_a_grain_call()
    {
        using var client = platform.CreateClient(fixture.RootToken);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");

        Assert.Equal(PlatformUnderTest.RootEmail, me.GetProperty("email").GetString());
        Assert.Equal("root", me.GetProperty("roles")[0].GetString());
    }

    [Theory]
    [InlineData("/api/v1/orgs")]
    [InlineData("/api/v1/auth/me")]
    public async Task Requests_without_a_token_are_refused_with_401(string path)
    {
        using var client = platform.CreateClient();

        using var response = await client.GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Tokens_that_are_forged_expired_or_unsigned_are_refused()
    {
        var forged = TestTokens.Root(RandomKey(), TimeSpan.FromMinutes(5));
        var expired = TestTokens.Root(platform.SigningKey, TimeSpan.FromMinutes(-5));
        var unsigned = TestTokens.WithoutSignature();

        foreach (var token in new[] { forged, expired, unsigned, "not-a-jwt" })
        {
            using var client = platform.CreateClient(token);
            using var response = await client.GetAsync("/api/v1/orgs");
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        using var genuine = platform.CreateClient(TestTokens.Root(platform.SigningKey, TimeSpan.FromMinutes(5)));
        Assert.Equal(HttpStatusCode.OK, (await genuine.GetAsync("/api/v1/orgs")).StatusCode);
    }

    private static byte[] RandomKey() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(48);
}
