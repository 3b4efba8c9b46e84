using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Security;

/// <summary>
/// The live job hub lets no one follow another org's jobs: a forged token cannot connect, and a member of
/// another org who names a victim's job is refused and, subscribed to their own org, receives none of its events.
/// The refusal itself is also in <see cref="Jobs.JobTests"/>; this class proves nothing leaks around it.
/// </summary>
[Collection(PlatformTestGroup.Name)]
public sealed class LiveFeedIsolationTests(PlatformFixture fixture) : IAsyncLifetime
{
    private readonly PlatformUnderTest platform = fixture.Platform;
    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync();

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task A_forged_expired_or_unsigned_token_cannot_connect_to_the_hub()
    {
        var tokens = new Dictionary<string, string>
        {
            ["expired"] = TestTokens.Root(platform.SigningKey, TimeSpan.FromMinutes(-5)),
            ["signed with another key"] = TestTokens.Root(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48), TimeSpan.FromMinutes(5)),
            ["alg none"] = TestTokens.WithoutSignature(),
        };

        foreach (var (what, token) in tokens)
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => LiveJobClient.ConnectAsync(platform.ApiAddress, token));
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {refused.StatusCode}");
        }
    }

    [Fact]
    public async Task Another_orgs_member_is_refused_the_victims_job_and_receives_none_of_its_events()
    {
        var victim = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        var outsider = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        await using var victimFeed = await LiveJobClient.ConnectAsync(platform.ApiAddress, victim.MemberToken);
        await using var outsiderFeed = await LiveJobClient.ConnectAsync(platform.ApiAddress, outsider.AdminToken);
        await victimFeed.SubscribeOrgAsync();
        await outsiderFeed.SubscribeOrgAsync();
        var secret = $"victim-secret-{Guid.NewGuid():N}";
        var victimJob = await SubmitAsync(victim.MemberToken, secret, delayMs: 1000);

        var refused = await Assert.ThrowsAsync<HubException>(() => outsiderFeed.SubscribeJobAsync(victimJob));
        Assert.DoesNotContain(secret, refused.Message, StringComparison.Ordinal);
        await victimFeed.UntilFinishedAsync(victimJob, TimeSpan.FromMinutes(1));
        // The outsider's own job, submitted after the victim's finished: once its last event is in, any of the victim's would be too.
        var outsiderJob = await SubmitAsync(outsider.MemberToken, "outsider", delayMs: 0);
        await outsiderFeed.UntilFinishedAsync(outsiderJob, TimeSpan.FromMinutes(1));

        Assert.Contains(victimFeed.Received, entry => entry.GetProperty("jobId").GetGuid() == victimJob);
        Assert.DoesNotContain(outsiderFeed.Received, entry => entry.GetProperty("jobId").GetGuid() == victimJob);
        Assert.DoesNotContain(outsiderFeed.Received, entry => entry.GetRawText().Contains(secret, StringComparison.Ordinal));
    }

    private async Task<Guid> SubmitAsync(string token, string message, int delayMs)
    {
        using var client = platform.CreateClient(token);
        using var submitted = await client.PostAsJsonAsync($"{JobScenario.Task}/runs", new { parameters = new { message, delayMs } });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        return (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
    }
}
