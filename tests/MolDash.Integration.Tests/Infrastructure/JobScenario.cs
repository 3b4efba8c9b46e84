using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Testing;

namespace MolDash.Integration.Tests.Infrastructure;

/// <summary>A fresh org with an Admin and a Standard member, and the echo task registered, published and served.</summary>
public sealed class JobScenario
{
    public const string Task = "/api/v1/tasks/echo/versions/1.0.0";

    private JobScenario(Guid orgId, string adminToken, string memberToken, Guid memberId)
    {
        OrgId = orgId;
        AdminToken = adminToken;
        MemberToken = memberToken;
        MemberId = memberId;
    }

    public Guid OrgId { get; }

    public string AdminToken { get; }

    public string MemberToken { get; }

    public Guid MemberId { get; }

    /// <param name="serviceAddress">The running task service whose /openapi.json defines the task.</param>
    /// <param name="operationId">The task's operation, where the service's document has several.</param>
    /// <param name="registerInstance">Whether the Admin registers the service as an instance (false: it comes from elsewhere, e.g. configuration).</param>
    public static async Task<JobScenario> CreateAsync(
        PlatformUnderTest platform, string rootToken, Uri serviceAddress, int maxAttempts = 3, string taskName = "echo", string? operationId = null,
        bool registerInstance = true)
    {
        Guid orgId;
        using (var root = platform.CreateClient(rootToken))
        {
            using var created = await root.PostAsJsonAsync("/api/v1/orgs", new { name = $"Jobs {Guid.NewGuid():N}"[..30] });
            created.EnsureSuccessStatusCode();
            orgId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        var adminToken = await MemberTokenAsync(platform, rootToken, orgId, "admin");
        var memberToken = await MemberTokenAsync(platform, rootToken, orgId, "standard");
        await TaskRegistration.AddTaskAsync(platform, adminToken, serviceAddress, taskName, operationId, maxAttempts, registerInstance);
        using var me = platform.CreateClient(memberToken);
        var memberId = (await me.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("userId").GetGuid();
        return new JobScenario(orgId, adminToken, memberToken, memberId);
    }

    /// <summary>Polls the job until it reaches a final status (or fails the test after a minute).</summary>
    public static Task<JsonElement> FinishedAsync(HttpClient client, Guid jobId) =>
        ResourcePolling.UntilAsync(client, $"/api/v1/jobs/{jobId}", job => job.GetProperty("status").GetString() is "Succeeded" or "Failed" or "Cancelled", TimeSpan.FromMinutes(1));

    private static async Task<string> MemberTokenAsync(PlatformUnderTest platform, string rootToken, Guid orgId, string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@moldash.test";
        const string password = "member-password-1";
        using (var root = platform.CreateClient(rootToken))
        {
            using var created = await root.PostAsJsonAsync($"/api/v1/orgs/{orgId}/users", new { email, password, roles = new[] { role } });
            created.EnsureSuccessStatusCode();
        }

        return await platform.AccessTokenAsync(email, password);
    }
}
