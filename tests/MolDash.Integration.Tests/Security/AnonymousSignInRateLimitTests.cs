using System.Net;
using System.Net.Http.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Security;

/// <summary>
/// The anonymous endpoints that start work before anyone is signed in share one limit per client address, on an
/// API process of its own with a small limit (the shared platform's is out of reach, as every test calls from loopback).
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class AnonymousSignInRateLimitTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Past_the_limit_the_anonymous_sign_in_endpoints_answer_429_with_retry_after_and_the_provider_list_still_answers()
    {
        var api = await fixture.Platform.AddApiAsync(new Dictionary<string, string>
        {
            ["RateLimiting__AnonymousAuth__PermitLimit"] = "3",
            ["RateLimiting__AnonymousAuth__Window"] = "00:10:00",
        });
        using var anonymous = PlatformUnderTest.CreateClient(api.BaseAddress, accessToken: null);

        using var reset = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { token = "not-a-token", newPassword = "a-new-password-1" });
        using var accept = await anonymous.PostAsJsonAsync("/api/v1/auth/invitations/accept", new { token = "not-a-token", password = "a-password-123" });
        using var external = await anonymous.GetAsync("/api/v1/auth/external/no-such-provider/login");
        using var limitedLogin = await anonymous.GetAsync("/api/v1/auth/external/no-such-provider/login");
        using var limitedCallback = await anonymous.GetAsync("/api/v1/auth/external/no-such-provider/callback?state=s&code=c");
        using var limitedReset = await anonymous.PostAsJsonAsync("/api/v1/auth/password-reset", new { token = "not-a-token", newPassword = "a-new-password-1" });
        using var providers = await anonymous.GetAsync("/api/v1/auth/external/providers");

        foreach (var allowed in new[] { reset, accept, external })
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        foreach (var limited in new[] { limitedLogin, limitedCallback, limitedReset })
        {
            var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Contains("wait a moment", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var retryAfter = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 600);
        }

        Assert.Equal(HttpStatusCode.OK, providers.StatusCode);
    }
}
