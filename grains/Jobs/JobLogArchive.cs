using System.Collections.Concurrent;
using System.Text;
using MolDash.Grains.Organizations;
using MolDash.Grains.Storage;

namespace MolDash.Grains.Jobs;

/// <summary>
/// Keeps finished jobs' logs in their org's blob container without a storage request per job: the logs of jobs
/// that finish together are appended as one block to the org's shared log blob, and each job's logs_uri names its
/// byte range there. A log too large to share a block (a big batch's) is a blob of its own.
/// </summary>
public sealed class JobLogArchive(IBlobStore blobs, TimeProvider time)
{
    public const int MaxSharedLogBytes = 16 << 10;

    private const string ContentType = "text/plain; charset=utf-8";

    private readonly string writer = Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentDictionary<Guid, SharedLogBlob> shared = new();

    public async Task<LogLocation> StoreAsync(Guid orgId, Guid jobId, string text, CancellationToken cancellationToken)
    {
        var content = Encoding.UTF8.GetBytes(text);
        var container = OrgResourceNames.BlobContainer(orgId);
        if (content.Length > MaxSharedLogBytes)
        {
            await using var own = new MemoryStream(content);
            await blobs.PutAsync(container, JobLog.BlobName(jobId), own, ContentType, cancellationToken);
            return LogLocation.Whole(JobLog.BlobName(jobId));
        }

        var log = new PendingLog(content);
        await shared.GetOrAdd(orgId, _ => new SharedLogBlob(blobs, time, container, writer)).Appends.WriteAsync(log).WaitAsync(cancellationToken);
        return log.Location!;
    }
}
