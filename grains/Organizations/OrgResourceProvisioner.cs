using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MolDash.Grains.Persistence;
using MolDash.Grains.Storage;
using Npgsql;

namespace MolDash.Grains.Organizations;

public sealed class OrgResourceProvisioner(
    IOptions<ResultsDatabaseOptions> options,
    IBlobStore blobs,
    ILogger<DatabaseMigrator> migratorLogger) : IOrgResources
{
    public async Task EnsureResultsDatabaseAsync(Guid orgId, CancellationToken cancellationToken)
    {
        var connectionString = ConnectionStringFor(orgId);
        await DatabaseMigrator.EnsureDatabaseExistsAsync(connectionString, cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, migratorLogger).MigrateAsync(MigrationSet.Results, cancellationToken);
    }

    public Task EnsureBlobContainerAsync(Guid orgId, CancellationToken cancellationToken) =>
        blobs.EnsureContainerAsync(OrgResourceNames.BlobContainer(orgId), cancellationToken);

    public string ConnectionStringFor(Guid orgId) =>
        options.Value.ConnectionTemplate.Replace("{database}", OrgResourceNames.ResultsDatabase(orgId), StringComparison.Ordinal);
}
