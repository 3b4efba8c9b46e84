using System.Runtime.CompilerServices;
using MolDash.GrainInterfaces.Audit;

namespace MolDash.Api.Endpoints;

/// <summary>
/// Every audit row a query matches, read a page at a time for the streamed exports. The first page is read
/// before anything is written, so a refusal (another org, a bad cursor) is still answered as a problem.
/// </summary>
public sealed class AuditExport
{
    private const int PageSize = 500;
    private readonly IAuditReaderGrain reader;
    private readonly AuditQuery query;
    private readonly int? limit;
    private AuditPage first = null!;

    private AuditExport(IAuditReaderGrain reader, AuditQuery query, int? limit)
    {
        this.reader = reader;
        this.query = query;
        this.limit = limit;
    }

    /// <param name="limit">At most this many rows; null for all.</param>
    public static async Task<AuditExport> StartAsync(IAuditReaderGrain reader, AuditQuery query, string? after, int? limit)
    {
        var export = new AuditExport(reader, query, limit);
        export.first = await reader.ListAsync(query, after, export.NextPageSize(0));
        return export;
    }

    public async IAsyncEnumerable<AuditEntry> RowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = first;
        var written = 0;
        while (true)
        {
            foreach (var entry in page.Items)
            {
                yield return entry;
            }

            written += page.Items.Count;
            if (page.NextCursor is null || NextPageSize(written) == 0 || cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            page = await reader.ListAsync(query, page.NextCursor, NextPageSize(written));
        }
    }

    private int NextPageSize(int written) => limit is { } max ? Math.Min(PageSize, max - written) : PageSize;
}
