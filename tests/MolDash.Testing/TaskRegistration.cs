using System.Net.Http.Json;

namespace MolDash.Testing;

/// <summary>Puts a running task service's operation in an org's registry, as an Admin does: defined, published and served.</summary>
public static class TaskRegistration
{
    /// <summary>Registers, publishes and serves one operation of the service as task {taskName} 1.0.0 (deterministic).</summary>
    /// <param name="serviceAddress">The running task service whose /openapi.json defines the task.</param>
    /// <param name="operationId">The task's operation, where the service's document has several.</param>
    /// <param name="timeoutSeconds">How long one attempt may take before the platform gives up on it.</param>
    /// <param name="registerInstance">Whether the Admin registers the service as an instance (false: it comes from elsewhere, e.g. configuration).</param>
    public static async Task AddTaskAsync(
        PlatformUnderTest platform, string adminToken, Uri serviceAddress, string taskName, string? operationId, int maxAttempts = 3, bool registerInstance = true,
        int timeoutSeconds = 300)
    {
        using var admin = platform.CreateClient(adminToken);
        using var service = new HttpClient { BaseAddress = serviceAddress };
        var document = await service.GetStringAsync("/openapi.json");
        using (var defined = await admin.PostAsJsonAsync("/api/v1/tasks", new
        {
            name = taskName,
            version = "1.0.0",
            description = $"The {taskName} task of the service at {serviceAddress}",
            category = "testing",
            document,
            operationId,
            deployment = new { image = $"moldash/{taskName}:1", maxAttempts, timeoutSeconds, deterministic = true },
        }))
        {
            defined.EnsureSuccessStatusCode();
        }

        var task = $"/api/v1/tasks/{taskName}/versions/1.0.0";
        (await admin.PostAsync($"{task}/publish", null)).EnsureSuccessStatusCode();
        if (registerInstance)
        {
            (await admin.PostAsJsonAsync($"{task}/service/instances", new { address = serviceAddress.ToString() })).EnsureSuccessStatusCode();
        }
    }
}
