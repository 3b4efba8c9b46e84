using Microsoft.Extensions.Logging.Abstractions;
using MolDash.Grains.Persistence;
using MolDash.Testing;
using Npgsql;

namespace MolDash.Integration.Tests.Persistence;

public sealed class DatabaseMigratorTests : IAsyncLifetime
{
    private static readonly string[] OrleansQueryKeys =
    [
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey", "ClearStorageKey", "DeleteMembershipTableEntriesKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey", "GatewaysQueryKey", "InsertMembershipKey", "InsertMembershipVersionKey",
        "MembershipReadAllKey", "MembershipReadRowKey", "ReadFromStorageKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "ReadReminderRowKey", "ReadReminderRowsKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey", "UpsertReminderRowKey",
        "WriteToStorageKey",
    ];

    private readonly TestDatabase database = TestDatabase.CreateName("migrations");
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync()
    {
        await DatabaseMigrator.EnsureDatabaseExistsAsync(database.ConnectionString, CancellationToken.None);
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Migrations_apply_once_and_a_second_run_changes_nothing()
    {
        var first = await NewMigrator().MigrateAsync(MigrationSet.Metadata, CancellationToken.None);
        var second = await NewMigrator().MigrateAsync(MigrationSet.Metadata, CancellationToken.None);

        Assert.Equal(MigrationSet.Metadata.Migrations.Select(m => m.Id), first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task Silos_starting_together_apply_each_migration_exactly_once()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => NewMigrator().MigrateAsync(MigrationSet.Metadata, CancellationToken.None)));

        Assert.Equal(MigrationSet.Metadata.Migrations.Count, runs.Sum(run => run.Count));
        Assert.Equal(MigrationSet.Metadata.Migrations.Count, await ScalarAsync<long>("SELECT count(*) FROM moldash_schema_migrations"));
    }

    [Fact]
    public async Task Every_query_the_orleans_providers_load_is_registered()
    {
        await NewMigrator().MigrateAsync(MigrationSet.Metadata, CancellationToken.None);

        var keys = new List<string>();
        await using var command = dataSource.CreateCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        Assert.Equal(OrleansQueryKeys.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_stops_start_up_with_a_clear_message()
    {
        await NewMigrator().MigrateAsync(MigrationSet.Metadata, CancellationToken.None);
        await using (var tamper = dataSource.CreateCommand("UPDATE moldash_schema_migrations SET checksum = 'edited' WHERE id = '0100_metadata_core'"))
        {
            await tamper.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => NewMigrator().MigrateAsync(MigrationSet.Metadata, CancellationToken.None));

        Assert.Contains("0100_metadata_core", error.Message, StringComparison.Ordinal);
    }

    private DatabaseMigrator NewMigrator() => new(dataSource, NullLogger<DatabaseMigrator>.Instance);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
