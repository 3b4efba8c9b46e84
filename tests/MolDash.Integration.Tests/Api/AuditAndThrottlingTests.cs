using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MolDash.Integration.Tests.Infrastructure;
using MolDash.Testing;
using Npgsql;

namespace MolDash.Integration.Tests.Api;

[Collection(PlatformTestGroup.Name)]
public sealed class AuditAndThrottlingTests(PlatformFixture fixture)
{
    private readonly PlatformUnderTest platform = fixture.Platform;

    [Fact]
    public async Task Failed_and_successful_sign_ins_are_audited_with_the_client_address()
    {
        using var anonymous = platform.CreateClient();
        var stranger = $"stranger-{Guid.NewGuid():N}@moldash.test";
        await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = stranger, password = "guess-123" });
        await platform.LoginAsRootAsync();
        using var root = platform.CreateClient(fixture.RootToken);

        var failed = await ReadAuditAsync(root, $"action=auth.login&target={Uri.EscapeDataString(stranger)}");
        var succeeded = await ReadAuditAsync(root, $"action=auth.login&target={Uri.EscapeDataString(PlatformUnderTest.RootEmail)}");

        var failure = Assert.Single(failed);
        Assert.Equal("Failed", failure.GetProperty("outcome").GetString());
        Assert.Equal("127.0.0.1", failure.GetProperty("clientAddress").GetString());
        Assert.Contains("credentials", failure.GetProperty("detailsJson").GetString(), StringComparison.Ordinal);
        Assert.Contains(succeeded, entry => entry.GetProperty("outcome").GetString() == "Succeeded");
    }

    [Fact]
    public async Task Creating_and_provisioning_an_organization_are_audited_under_that_organization()
    {
        using var root = platform.CreateClient(fixture.RootToken);
        using var created = await root.PostAsJsonAsync("/api/v1/orgs", new { name = $"Audited {Guid.NewGuid():N}" });
        var orgId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var entries = await ReadAuditAsync(root, $"orgId={orgId}");

        Assert.Equal(["org.provision", "org.create"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, entry => Assert.Equal(orgId.ToString(), entry.GetProperty("target").GetString()));
    }

    [Fact]
    public async Task The_audit_log_exports_as_csv_with_formulas_defused()
    {
        using var anonymous = platform.CreateClient();
        var hostile = $"=cmd-{Guid.NewGuid():N}@x.test";
        await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = hostile, password = "guess-123" });
        using var root = platform.CreateClient(fixture.RootToken);

        using var response = await root.GetAsync($"/api/v1/audit/export.csv?target={Uri.EscapeDataString(hostile)}");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.StartsWith("id,occurred_at,actor_id", lines[0], StringComparison.Ordinal);
        Assert.Contains($"\"'{hostile}\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_exports_every_matching_row_as_streamed_json_and_csv_across_pages()
    {
        var action = $"test.export.{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(platform.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO audit_log (occurred_at, action, target, outcome, details)
                SELECT now(), @action, 'row-' || n, 'Succeeded', jsonb_build_object('n', n) FROM generate_series(1, 1203) n
                """, connection);
            insert.Parameters.AddWithValue("action", action);
            await insert.ExecuteNonQueryAsync();
        }

        using var root = platform.CreateClient(fixture.RootToken);
        using var json = await root.GetAsync($"/api/v1/audit/export.json?action={action}");
        var rows = (await json.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        var limited = await root.GetFromJsonAsync<JsonElement>($"/api/v1/audit/export.json?action={action}&limit=700");
        var csv = await root.GetStringAsync($"/api/v1/audit/export.csv?action={action}");
        using var badLimit = await root.GetAsync($"/api/v1/audit/export.json?action={action}&limit=0");

        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("audit.json", json.Content.Headers.ContentDisposition?.FileNameStar ?? json.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(1203, rows.Count);
        Assert.Equal(rows.Select(row => row.GetProperty("id").GetInt64()).OrderDescending(), rows.Select(row => row.GetProperty("id").GetInt64()));
        Assert.Equal(1203, rows[0].GetProperty("details").GetProperty("n").GetInt32());
        Assert.Equal("row-1", rows[^1].GetProperty("target").GetString());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("orgId").ValueKind);
        Assert.Equal(700, limited.GetArrayLength());
        Assert.Equal(1204, csv.TrimEnd('\n').Split('\n').Length);
        await badLimit.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Audit_rows_cannot_be_changed_or_deleted_even_in_the_database()
    {
        await using var connection = new NpgsqlConnection(platform.Database.ConnectionString);
        await connection.OpenAsync();

        foreach (var sql in new[] { "UPDATE audit_log SET outcome = 'Succeeded'", "DELETE FROM audit_log", "TRUNCATE audit_log" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_out_with_429_and_retry_after_even_for_the_right_password()
    {
        using var anonymous = platform.CreateClient();
        var email = $"victim-{Guid.NewGuid():N}@moldash.test";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = $"wrong-{attempt}" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var locked = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "wrong-again" });

        await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(locked.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        using var root = platform.CreateClient(fixture.RootToken);
        Assert.Single(await ReadAuditAsync(root, $"action=auth.login.throttled&target={Uri.EscapeDataString(email)}"));
    }

    [Fact]
    public async Task Only_admins_read_the_audit_log()
    {
        using var anonymous = platform.CreateClient();

        using var response = await anonymous.GetAsync("/api/v1/audit");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static async Task<List<JsonElement>> ReadAuditAsync(HttpClient client, string filter)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit?{filter}");
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
