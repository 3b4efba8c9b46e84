using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MolDash.Grains.Organizations;
using Npgsql;

namespace MolDash.Grains.Persistence;

/// <summary>
/// One pooled data source per organization's results database, made on first use and kept for the
/// silo's lifetime. First use also brings the database's schema up to date, so orgs provisioned by an
/// older release get the newer results migrations without a separate step.
/// </summary>
public sealed class OrgResultsDatabases(IOptions<ResultsDatabaseOptions> options, ILogger<DatabaseMigrator> migratorLogger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<NpgsqlDataSource>>> sources = new();

    public string ConnectionStringFor(Guid orgId) =>
        options.Value.ConnectionTemplate.Replace("{database}", OrgResourceNames.ResultsDatabase(orgId), StringComparison.Ordinal);

    public async Task<NpgsqlDataSource> ForAsync(Guid orgId)
    {
        var source = sources.GetOrAdd(orgId, id => new Lazy<Task<NpgsqlDataSource>>(() => OpenAsync(id)));
        try
        {
            return await source.Value;
        }
        catch
        {
            // Not cached: the next call tries again (the database may be coming up, or still being provisioned).
            sources.TryRemove(new KeyValuePair<Guid, Lazy<Task<NpgsqlDataSource>>>(orgId, source));
            throw;
        }
    }

    /// <summary>Closes this silo's pool for the org's database, before the database is dropped.</summary>
    public async Task ForgetAsync(Guid orgId)
    {
        if (sources.TryRemove(orgId, out var source) && source.IsValueCreated && source.Value.IsCompletedSuccessfully)
        {
            await source.Value.Result.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in sources.Values.Where(source => source.IsValueCreated && source.Value.IsCompletedSuccessfully))
        {
            await source.Value.Result.DisposeAsync();
        }
    }

    private async Task<NpgsqlDataSource> OpenAsync(Guid orgId)
    {
        var dataSource = NpgsqlDataSource.Create(PostgresConnectionTuning.Apply(ConnectionStringFor(orgId)));
        try
        {
            await new DatabaseMigrator(dataSource, migratorLogger).MigrateAsync(MigrationSet.Results, CancellationToken.None);
            return dataSource;
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }
}
