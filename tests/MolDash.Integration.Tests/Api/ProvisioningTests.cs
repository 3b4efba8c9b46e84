using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Blobs;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;
using Npgsql;

namespace MolDash.Integration.Tests.Api;

[Collection(PlatformTestGroup.Name)]
public sealed class ProvisioningTests(PlatformFixture fixture)
{
    private static readonly string[] Standard = ["standard"];
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task A_new_organization_gets_its_own_results_database_and_blob_container()
    {
        using var root = platform.CreateClient(fixture.RootToken);

        using var created = await root.PostAsJsonAsync("/api/v1/orgs", new { name = $"Provisioned {Guid.NewGuid():N}" });
        var org = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = org.GetProperty("id").GetGuid();

        Assert.Equal("Active", org.GetProperty("status").GetString());
        Assert.Equal(["ResultsDatabase", "BlobContainer", "InitialAdmin", "Quotas"], org.GetProperty("completedSteps").EnumerateArray().Select(s => s.GetString()));
        var results = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = $"moldash_org_{id:N}" };
        await using var connection = new NpgsqlConnection(results.ConnectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 'artifacts'", connection);
        Assert.Equal(1L, await tables.ExecuteScalarAsync());
        var container = new BlobServiceClient(TestEnvironment.BlobConnectionString).GetBlobContainerClient($"moldash-org-{id:N}");
        Assert.True((await container.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Root_sets_quotas_that_read_back_and_impossible_quotas_are_422()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        var id = await CreateOrgAsync(root);
        var quotas = new { maxConcurrentJobs = 4, maxStorageBytes = 5_000_000_000L, maxUploadBytes = 50_000_000L, jobRetentionDays = 30 };

        using var set = await root.PutAsJsonAsync($"/api/v1/orgs/{id}/quotas", quotas);
        using var impossible = await root.PutAsJsonAsync($"/api/v1/orgs/{id}/quotas", quotas with { maxUploadBytes = 9_000_000_000L });
        var read = await root.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{id}");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        await impossible.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(4, read.GetProperty("quotas").GetProperty("maxConcurrentJobs").GetInt32());
        var audit = await root.GetFromJsonAsync<JsonElement>($"/api/v1/audit?orgId={id}&action=org.quotas");
        Assert.Single(audit.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Root_sets_task_resource_limits_that_default_when_left_out_and_bound_task_deployments()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        var id = await CreateOrgAsync(root);
        var defaults = (await root.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{id}")).GetProperty("quotas");

        using var set = await root.PutAsJsonAsync($"/api/v1/orgs/{id}/quotas", new
        {
            maxConcurrentJobs = 4, maxStorageBytes = 5_000_000_000L, maxUploadBytes = 50_000_000L, jobRetentionDays = 30,
            maxTaskCpu = 4, maxTaskMemoryMb = 8192, maxTaskGpu = 1, maxTaskReplicas = 3,
        });
        using var admin = platform.CreateClient(await fixture.NewMemberTokenAsync(id, "admin"));
        using var tooBig = await admin.PostAsJsonAsync("/api/v1/tasks", new
        {
            name = "big", version = "1.0.0", operationId = "run",
            document = """{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/run":{"post":{"operationId":"run","requestBody":{"content":{"application/json":{"schema":{"type":"object"}}}},"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"object"}}}}}}}}}""",
            deployment = new { image = "example/big:1", cpu = 6, memoryMb = 1024 },
        });

        Assert.Equal((8, 32768, 0, 10), (defaults.GetProperty("maxTaskCpu").GetInt32(), defaults.GetProperty("maxTaskMemoryMb").GetInt32(),
            defaults.GetProperty("maxTaskGpu").GetInt32(), defaults.GetProperty("maxTaskReplicas").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(3, (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("quotas").GetProperty("maxTaskReplicas").GetInt32());
        var problem = await tooBig.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("6 cores is above the organization's limit of 4", problem.GetProperty("errors").GetProperty("/deployment/cpu")[0].GetString());
    }

    [Fact]
    public async Task Members_of_a_suspended_organization_are_shut_out_until_it_is_reactivated()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        var id = await CreateOrgAsync(root);
        var email = $"member-{Guid.NewGuid():N}@moldash.test";
        (await root.PostAsJsonAsync($"/api/v1/orgs/{id}/users", new { email, password = "member-password-1", roles = Standard })).EnsureSuccessStatusCode();
        using var anonymous = platform.CreateClient();
        using var signedInBefore = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "member-password-1" });
        using var member = platform.CreateClient((await signedInBefore.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

        using var suspend = await root.PostAsync($"/api/v1/orgs/{id}/suspend", null);
        using var refused = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "member-password-1" });
        using var withEarlierToken = await member.GetAsync($"/api/v1/orgs/{id}");
        using var reactivate = await root.PostAsync($"/api/v1/orgs/{id}/reactivate", null);
        using var allowed = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "member-password-1" });

        Assert.Equal("Suspended", (await suspend.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        await withEarlierToken.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, reactivate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    private static async Task<Guid> CreateOrgAsync(HttpClient root)
    {
        using var created = await root.PostAsJsonAsync("/api/v1/orgs", new { name = $"Org {Guid.NewGuid():N}" });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
