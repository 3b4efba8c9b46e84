using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;
using Npgsql;

namespace MolDash.Integration.Tests.Api;

/// <summary>An organization's first Admin, made by provisioning, and its deletion with its data, on the real stack.</summary>
[Collection(PlatformTestGroup.Name)]
public sealed class OrganizationLifecycleTests(PlatformFixture fixture) : IAsyncLifetime
{
    /// <summary>State of grains keyed by the org id itself (the schedule directory), other than the organization grain's own.</summary>
    private const string KeyedByOrgId =
        "SELECT count(*) FROM orleansstorage WHERE grainidextensionstring IS NULL AND grainidn0 = @n0 AND grainidn1 = @n1 AND graintypestring <> 'organization'";

    private static readonly string[] Standard = ["standard"];
    private readonly PlatformUnderTest platform = fixture.Platform;
    private EchoService echo = null!;

    public async Task InitializeAsync() => echo = await EchoService.StartAsync();

    public async Task DisposeAsync() => await echo.DisposeAsync();

    [Fact]
    public async Task Root_creates_an_org_with_its_first_admin_whose_initial_password_is_shown_once_and_signs_in()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        var email = $"first-{Guid.NewGuid():N}@moldash.test";

        using var created = await root.PostAsJsonAsync("/api/v1/orgs", new
        {
            name = $"Founded {Guid.NewGuid():N}",
            admin = new { email, displayName = "Ada Founder" },
            quotas = new { maxConcurrentJobs = 3, maxStorageBytes = 1_000_000_000L, maxUploadBytes = 10_000_000L, jobRetentionDays = 14 },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var org = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = org.GetProperty("id").GetGuid();
        Assert.Equal("Active", org.GetProperty("status").GetString());
        Assert.Equal(["ResultsDatabase", "BlobContainer", "InitialAdmin", "Quotas"], org.GetProperty("completedSteps").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(3, org.GetProperty("quotas").GetProperty("maxConcurrentJobs").GetInt32());
        var admin = org.GetProperty("initialAdmin");
        Assert.True(admin.GetProperty("accountCreated").GetBoolean());
        var password = admin.GetProperty("initialPassword").GetString()!;
        var adminId = admin.GetProperty("userId").GetGuid();

        var read = await root.GetStringAsync($"/api/v1/orgs/{id}");
        using var retried = await root.PostAsync($"/api/v1/orgs/{id}/provisioning/retry", null);
        Assert.DoesNotContain(password, read, StringComparison.Ordinal);
        Assert.DoesNotContain(password, await retried.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoPlainPasswordStoredAsync(password);

        using var signedIn = platform.CreateClient(await platform.AccessTokenAsync(email, password));
        var me = await signedIn.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(id, me.GetProperty("orgId").GetGuid());
        Assert.Equal(["admin"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var user = await signedIn.GetFromJsonAsync<JsonElement>($"/api/v1/orgs/{id}/users/{adminId}");
        Assert.Equal("Ada Founder", user.GetProperty("displayName").GetString());
        var audit = await root.GetFromJsonAsync<JsonElement>($"/api/v1/audit?orgId={id}&action=user.create");
        Assert.Single(audit.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_existing_account_named_as_first_admin_joins_with_its_own_password()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        var firstOrg = await CreateOrgAsync(root);
        var email = $"veteran-{Guid.NewGuid():N}@moldash.test";
        (await root.PostAsJsonAsync($"/api/v1/orgs/{firstOrg}/users", new { email, password = "veteran-password-1", roles = Standard })).EnsureSuccessStatusCode();

        using var created = await root.PostAsJsonAsync("/api/v1/orgs", new { name = $"Second {Guid.NewGuid():N}", admin = new { email = email.ToUpperInvariant() } });

        var org = await created.Content.ReadFromJsonAsync<JsonElement>();
        var admin = org.GetProperty("initialAdmin");
        var id = org.GetProperty("id").GetGuid();
        Assert.False(admin.GetProperty("accountCreated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, admin.GetProperty("initialPassword").ValueKind);
        using var member = platform.CreateClient(await platform.AccessTokenAsync(email, "veteran-password-1", id));
        var me = await member.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(["admin"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("""{"name":"N","admin":{"email":"root@moldash.test"}}""", "/admin/email")]
    [InlineData("""{"name":"N","admin":{"email":"not an email"}}""", "/admin/email")]
    [InlineData("""{"name":"N","admin":{}}""", "/admin/email")]
    [InlineData("""{"name":"N","quotas":{"maxConcurrentJobs":1,"maxStorageBytes":10,"maxUploadBytes":10,"jobRetentionDays":1,"maxTaskReplicas":0}}""", "/maxTaskReplicas")]
    public async Task A_bad_first_admin_or_impossible_quotas_are_a_422_and_no_organization_is_made(string body, string field)
    {
        using var root = platform.CreateClient(fixture.RootToken);
        var name = $"Refused {Guid.NewGuid():N}";

        using var response = await root.PostAsync("/api/v1/orgs", new StringContent(body.Replace("\"N\"", $"\"{name}\"", StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        using var again = await root.PostAsJsonAsync("/api/v1/orgs", new { name });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task Deleting_an_organization_removes_its_database_container_rows_and_sessions_and_frees_its_name()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        var name = $"Deleted {Guid.NewGuid():N}";
        var email = $"leaving-{Guid.NewGuid():N}@moldash.test";
        using var created = await root.PostAsJsonAsync("/api/v1/orgs", new { name, admin = new { email } });
        var org = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = org.GetProperty("id").GetGuid();
        var password = org.GetProperty("initialAdmin").GetProperty("initialPassword").GetString()!;
        using var anonymous = platform.CreateClient();
        using var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        using var admin = platform.CreateClient(tokens.GetProperty("accessToken").GetString());
        using var molecule = new StringContent("CCO ethanol\n", Encoding.UTF8, "text/plain");
        var artifactId = (await (await admin.PostAsync("/api/v1/artifacts?fileName=ethanol.smi", molecule)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var service = new HttpClient { BaseAddress = echo.Address };
        var document = await service.GetStringAsync("/openapi.json");
        (await admin.PostAsJsonAsync("/api/v1/tasks", new { name = "doomed", version = "1.0.0", document, deployment = new { image = "example/doomed:1" } })).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/tasks/doomed/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();
        var graph = new
        {
            nodes = new[] { new { id = "only", taskName = "doomed", taskVersion = "1.0.0" } },
            inputs = new[] { new { name = "message", targets = new[] { new { nodeId = "only", pointer = "/message" } } } },
        };
        (await admin.PostAsJsonAsync("/api/v1/pipelines", new { name = "doomed", graph })).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/pipelines/doomed/versions/1.0.0/publish", null)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/v1/schedules", new { pipeline = "doomed", version = "1.0.0", inputs = new { message = "yearly" }, cron = "0 0 1 1 *" }))
            .EnsureSuccessStatusCode();
        Assert.True(await ContainerExistsAsync(id));
        Assert.True(await CountAsync("SELECT count(*) FROM orleansstorage WHERE grainidextensionstring LIKE @prefix", id) > 0);
        Assert.True(await CountAsync(KeyedByOrgId, id) > 0);

        using var deleted = await root.DeleteAsync($"/api/v1/orgs/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(await ResultsDatabaseExistsAsync(id));
        Assert.False(await ContainerExistsAsync(id));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM orleansstorage WHERE grainidextensionstring LIKE @prefix", id));
        Assert.Equal(0, await CountAsync(KeyedByOrgId, id));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM pipelines WHERE org_id = @org_id", id));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM task_definitions WHERE org_id = @org_id", id));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM memberships WHERE org_id = @org_id", id));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM refresh_tokens WHERE org_id = @org_id", id));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM organizations WHERE id = @org_id", id));
        foreach (var gone in new[]
        {
            $"/api/v1/orgs/{id}", $"/api/v1/orgs/{id}/users", $"/api/v1/artifacts/{artifactId}?orgId={id}", $"/api/v1/tasks?orgId={id}",
            $"/api/v1/tasks/doomed/versions/1.0.0?orgId={id}", $"/api/v1/jobs?orgId={id}", $"/api/v1/pipelines?orgId={id}", $"/api/v1/cache?orgId={id}",
        })
        {
            using var response = await root.GetAsync(gone);
            await response.AssertProblemAsync(HttpStatusCode.NotFound);
        }

        using var again = await root.DeleteAsync($"/api/v1/orgs/{id}");
        await again.AssertProblemAsync(HttpStatusCode.NotFound);
        using var oldToken = await admin.GetAsync($"/api/v1/orgs/{id}");
        await oldToken.AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var refresh = await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        await refresh.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var listing = await root.GetStringAsync("/api/v1/orgs?limit=200");
        Assert.DoesNotContain(id.ToString(), listing, StringComparison.Ordinal);
        var audit = await root.GetFromJsonAsync<JsonElement>($"/api/v1/audit?orgId={id}&action=org.delete");
        Assert.Equal("Succeeded", Assert.Single(audit.GetProperty("items").EnumerateArray()).GetProperty("outcome").GetString());
        using var sameName = await root.PostAsJsonAsync("/api/v1/orgs", new { name, admin = new { email } });
        Assert.Equal(HttpStatusCode.Created, sameName.StatusCode);
        Assert.False((await sameName.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("initialAdmin").GetProperty("accountCreated").GetBoolean());
    }

    [Fact]
    public async Task An_organization_with_a_running_job_is_not_deleted_until_the_job_is_cancelled()
    {
        var scenario = await JobScenario.CreateAsync(platform, fixture.RootToken, echo.Address);
        using var member = platform.CreateClient(scenario.MemberToken);
        using var root = platform.CreateClient(fixture.RootToken);
        using var submitted = await member.PostAsJsonAsync($"{JobScenario.Task}/runs", new { parameters = new { message = "long", delayMs = 120_000 } });
        var jobId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid();
        await JobListedAsync(root, scenario.OrgId, jobId);

        using var refused = await root.DeleteAsync($"/api/v1/orgs/{scenario.OrgId}");
        (await root.PostAsync($"/api/v1/jobs/{jobId}/cancel?orgId={scenario.OrgId}", null)).EnsureSuccessStatusCode();
        await JobScenario.FinishedAsync(member, jobId);
        using var deleted = await root.DeleteAsync($"/api/v1/orgs/{scenario.OrgId}");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("pending or running", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(await ResultsDatabaseExistsAsync(scenario.OrgId));
    }

    [Fact]
    public async Task Deleting_an_unknown_organization_is_a_404()
    {
        using var root = platform.CreateClient(fixture.RootToken);

        using var response = await root.DeleteAsync($"/api/v1/orgs/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>The results database lists the job once the job grain has recorded it.</summary>
    private static async Task JobListedAsync(HttpClient root, Guid orgId, Guid jobId)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((await root.GetStringAsync($"/api/v1/jobs?orgId={orgId}")).Contains(jobId.ToString(), StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Job {jobId} was not listed within 30 s.");
    }

    private static async Task<Guid> CreateOrgAsync(HttpClient root)
    {
        using var created = await root.PostAsJsonAsync("/api/v1/orgs", new { name = $"Org {Guid.NewGuid():N}" });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task AssertNoPlainPasswordStoredAsync(string password)
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM orleansstorage WHERE position(convert_to(@password, 'UTF8') IN payloadbinary) > 0)
                 + (SELECT count(*) FROM users WHERE password_hash LIKE '%' || @password || '%')
                 + (SELECT count(*) FROM audit_log WHERE details::text LIKE '%' || @password || '%')
            """, connection);
        command.Parameters.AddWithValue("password", password);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    private async Task<long> CountAsync(string sql, Guid orgId)
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("org_id", orgId);
        command.Parameters.AddWithValue("prefix", $"{orgId:N}/%");
        command.Parameters.AddWithValue("n0", BitConverter.ToInt64(orgId.ToByteArray(), 0));
        command.Parameters.AddWithValue("n1", BitConverter.ToInt64(orgId.ToByteArray(), 8));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> ResultsDatabaseExistsAsync(Guid orgId)
    {
        var server = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", $"moldash_org_{orgId:N}");
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }

    private static async Task<bool> ContainerExistsAsync(Guid orgId) =>
        (await new BlobServiceClient(TestEnvironment.BlobConnectionString).GetBlobContainerClient($"moldash-org-{orgId:N}").ExistsAsync()).Value;
}
