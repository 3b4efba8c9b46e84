using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using MolDash.Grains.Organizations;
using Npgsql;

namespace MolDash.Grains.Persistence;

/// <summary>
/// One pooled data source per organization's results database, made on first use and kept for the
/// silo's lifetime (an org's database never moves while the silo runs).
/// </summary>
public sealed class OrgResultsDatabases(IOptions<ResultsDatabaseOptions> options) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, Lazy<NpgsqlDataSource>> sources = new();

    public string ConnectionStringFor(Guid orgId) =>
        options.Value.ConnectionTemplate.Replace("{database}", OrgResourceNames.ResultsDatabase(orgId), StringComparison.Ordinal);

    public NpgsqlDataSource For(Guid orgId) =>
        sources.GetOrAdd(orgId, id => new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(ConnectionStringFor(id)))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var source in sources.Values.Where(source => source.IsValueCreated))
        {
            await source.Value.DisposeAsync();
        }
    }
}
