using System.Net;
using System.Net.Http.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Security;

/// <summary>
/// Guessing passwords across many accounts from one address is throttled too, not only per account
/// (that half is in <see cref="Api.AuditAndThrottlingTests"/>). It locks the test's own address out,
/// so it runs on a platform of its own with a low per-client limit.
/// </summary>
public sealed class CredentialSprayingTests : IAsyncLifetime
{
    private const int MaxFailuresPerClient = 4;
    private PlatformUnderTest platform = null!;

    public async Task InitializeAsync() => platform = await PlatformUnderTest.StartAsync("spraying", new Dictionary<string, string>
    {
        ["LoginThrottle__MaxFailuresPerClient"] = MaxFailuresPerClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await platform.DisposeAsync();

    [Fact]
    public async Task One_address_guessing_across_accounts_is_locked_out_with_429_even_for_a_right_password()
    {
        using var anonymous = platform.CreateClient();
        for (var attempt = 0; attempt < MaxFailuresPerClient; attempt++)
        {
            // A different account each time: no account reaches its own limit.
            using var failed = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = TestOrg.NewEmail("sprayed"), password = "Winter2026!" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var another = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = TestOrg.NewEmail("sprayed"), password = "Winter2026!" });
        using var right = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = PlatformUnderTest.RootEmail, password = platform.RootPassword });

        await another.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await right.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(right.Headers.RetryAfter?.Delta);
    }
}
