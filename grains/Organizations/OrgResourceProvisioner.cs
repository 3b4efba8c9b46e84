using Microsoft.Extensions.Logging;
using MolDash.Grains.Persistence;
using MolDash.Grains.Storage;
using Npgsql;

namespace MolDash.Grains.Organizations;

public sealed class OrgResourceProvisioner(
    OrgResultsDatabases databases,
    IBlobStore blobs,
    ILogger<DatabaseMigrator> migratorLogger) : IOrgResources
{
    public async Task EnsureResultsDatabaseAsync(Guid orgId, CancellationToken cancellationToken)
    {
        var connectionString = databases.ConnectionStringFor(orgId);
        await DatabaseMigrator.EnsureDatabaseExistsAsync(connectionString, cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, migratorLogger).MigrateAsync(MigrationSet.Results, cancellationToken);
    }

    public Task EnsureBlobContainerAsync(Guid orgId, CancellationToken cancellationToken) =>
        blobs.EnsureContainerAsync(OrgResourceNames.BlobContainer(orgId), cancellationToken);

    public async Task<long> CountUnfinishedJobsAsync(Guid orgId, CancellationToken cancellationToken)
    {
        var dataSource = await databases.ForAsync(orgId);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM jobs WHERE status IN ('Pending', 'Running')");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task DropResultsDatabaseAsync(Guid orgId, CancellationToken cancellationToken)
    {
        await databases.ForgetAsync(orgId);
        await DatabaseMigrator.DropDatabaseIfExistsAsync(databases.ConnectionStringFor(orgId), cancellationToken);
    }

    public Task DeleteBlobContainerAsync(Guid orgId, CancellationToken cancellationToken) =>
        blobs.DeleteContainerAsync(OrgResourceNames.BlobContainer(orgId), cancellationToken);
}
