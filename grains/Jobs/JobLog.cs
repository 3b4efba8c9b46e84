using System.Globalization;
using System.Text;
using MolDash.GrainInterfaces.Jobs;
using MolDash.Grains.Organizations;
using MolDash.Grains.Storage;

namespace MolDash.Grains.Jobs;

/// <summary>
/// A job's log as text: its timeline, one line per event. A finished job's log is kept in the org's
/// blob container (its logs_uri, see <see cref="JobLogArchive"/>); a running job's is rendered from the results database.
/// </summary>
public sealed class JobLog(IBlobStore blobs, IJobRecords records, JobLogArchive archive)
{
    private const int PageSize = 500;

    public static string BlobName(Guid jobId) => $"jobs/{jobId:N}/job.log";

    /// <param name="recent">The latest events, in order, possibly not recorded yet; earlier ones are read from the results database.</param>
    /// <returns>Where the log was stored.</returns>
    public async Task<string> StoreAsync(Guid orgId, Guid jobId, IReadOnlyList<JobEvent> recent, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var first = recent.Count == 0 ? long.MaxValue : recent[0].Seq;
        if (first > 1)
        {
            await AppendRecordedAsync(text, orgId, jobId, first - 1, cancellationToken);
        }

        foreach (var entry in recent)
        {
            Append(text, entry);
        }

        return (await archive.StoreAsync(orgId, jobId, text.ToString(), cancellationToken)).ToString();
    }

    public async Task<string> ReadAsync(Guid orgId, Guid jobId, string? location, CancellationToken cancellationToken)
    {
        if (location is not null && await OpenAsync(OrgResourceNames.BlobContainer(orgId), LogLocation.Parse(location), cancellationToken) is { } stored)
        {
            await using (stored)
            {
                using var reader = new StreamReader(stored, Encoding.UTF8);
                return await reader.ReadToEndAsync(cancellationToken);
            }
        }

        return await RenderAsync(orgId, jobId, cancellationToken);
    }

    private Task<Stream?> OpenAsync(string container, LogLocation location, CancellationToken cancellationToken) => location.Length is { } length
        ? blobs.OpenReadRangeAsync(container, location.Blob, location.Offset, length, cancellationToken)
        : blobs.OpenReadAsync(container, location.Blob, cancellationToken);

    private async Task<string> RenderAsync(Guid orgId, Guid jobId, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        await AppendRecordedAsync(text, orgId, jobId, long.MaxValue, cancellationToken);
        return text.ToString();
    }

    private async Task AppendRecordedAsync(StringBuilder text, Guid orgId, Guid jobId, long upTo, CancellationToken cancellationToken)
    {
        long? after = 0;
        while (after is { } from)
        {
            var page = await records.EventsAsync(orgId, jobId, from, PageSize, cancellationToken);
            foreach (var entry in page.Items.Where(entry => entry.Seq <= upTo))
            {
                Append(text, entry);
            }

            after = page.Items.Count > 0 && page.Items[^1].Seq >= upTo ? null : page.NextAfterSeq;
        }
    }

    private static void Append(StringBuilder text, JobEvent entry) =>
        text.Append(CultureInfo.InvariantCulture, $"{entry.At.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} #{entry.Seq} {entry.Kind,-15} {entry.Message}\n");
}
