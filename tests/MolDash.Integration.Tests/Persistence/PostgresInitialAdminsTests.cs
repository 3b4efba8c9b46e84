using Microsoft.Extensions.Logging.Abstractions;
using MolDash.Grains.Organizations;
using MolDash.Grains.Persistence;
using MolDash.Testing;
using Npgsql;

namespace MolDash.Integration.Tests.Persistence;

/// <summary>The first-Admin step's database writes, repeated as a step resumed after a silo died would repeat them.</summary>
public sealed class PostgresInitialAdminsTests : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.CreateName("initialadmins");
    private NpgsqlDataSource dataSource = null!;
    private PostgresInitialAdmins admins = null!;

    public async Task InitializeAsync()
    {
        await DatabaseMigrator.EnsureDatabaseExistsAsync(database.ConnectionString, CancellationToken.None);
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(MigrationSet.Metadata, CancellationToken.None);
        admins = new PostgresInitialAdmins(dataSource);
    }

    public async Task DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Repeating_the_step_makes_one_account_with_the_last_password_and_one_admin_membership()
    {
        var org = await OrgAsync();
        var planned = Guid.NewGuid();

        var first = await admins.EnsureAsync(org, planned, "Ada@Acme.test", "Ada", "hash-1", DateTimeOffset.UtcNow);
        var second = await admins.EnsureAsync(org, planned, "Ada@Acme.test", "Ada", "hash-2", DateTimeOffset.UtcNow);

        Assert.Equal(new InitialAdminAccount(planned, true), first);
        Assert.Equal(first, second);
        Assert.Equal(1L, await ScalarAsync<long>("SELECT count(*) FROM users WHERE lower(email) = 'ada@acme.test'"));
        Assert.Equal("hash-2", await ScalarAsync<string>($"SELECT password_hash FROM users WHERE id = '{planned}'"));
        Assert.Equal(["admin"], await ScalarAsync<string[]>($"SELECT roles FROM memberships WHERE org_id = '{org}' AND user_id = '{planned}'"));
    }

    [Fact]
    public async Task An_existing_account_keeps_its_password_and_becomes_admin_beside_its_roles()
    {
        var org = await OrgAsync();
        var existing = Guid.NewGuid();
        await ExecuteAsync($"INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES ('{existing}', 'grace@acme.test', 'Grace', 'own-hash', now())");
        await ExecuteAsync($"INSERT INTO memberships (user_id, org_id, roles, disabled, created_at) VALUES ('{existing}', '{org}', ARRAY['standard'], true, now())");

        var account = await admins.EnsureAsync(org, Guid.NewGuid(), "GRACE@acme.test", "Grace", "new-hash", DateTimeOffset.UtcNow);

        Assert.Equal(new InitialAdminAccount(existing, false), account);
        Assert.Equal("own-hash", await ScalarAsync<string>($"SELECT password_hash FROM users WHERE id = '{existing}'"));
        Assert.Equal(["admin", "standard"], await ScalarAsync<string[]>($"SELECT roles FROM memberships WHERE org_id = '{org}' AND user_id = '{existing}'"));
        Assert.False(await ScalarAsync<bool>($"SELECT disabled FROM memberships WHERE org_id = '{org}' AND user_id = '{existing}'"));
        Assert.False(await admins.IsRootAccountAsync("grace@acme.test"));
    }

    private async Task<Guid> OrgAsync()
    {
        var id = Guid.NewGuid();
        await ExecuteAsync($"INSERT INTO organizations (id, name, status, created_at, created_by) VALUES ('{id}', 'Org {id}', 'Provisioning', now(), '{Guid.NewGuid()}')");
        return id;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
