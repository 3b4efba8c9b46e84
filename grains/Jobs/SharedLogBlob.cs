using System.Globalization;
using MolDash.Grains.Persistence;
using MolDash.Grains.Storage;

namespace MolDash.Grains.Jobs;

/// <summary>
/// One org's shared log blob in this silo process. Its appends go through one group commit, so they are made one at
/// a time and this blob's name and block count need no lock. A new blob is started each day and well before the
/// 50,000 blocks an append blob may hold; the writer id keeps every silo process on blobs of its own.
/// </summary>
public sealed class SharedLogBlob
{
    /// <summary>At most this many logs (each at most <see cref="JobLogArchive.MaxSharedLogBytes"/>) share a block: 1 MiB, a quarter of what a block may hold.</summary>
    public const int MaxLogsPerBlock = 64;

    private const int MaxBlocksPerBlob = 40_000;

    private readonly IBlobStore blobs;
    private readonly TimeProvider time;
    private readonly string container;
    private readonly string writer;
    private string day = "";
    private int sequence;
    private int blocks;

    public SharedLogBlob(IBlobStore blobs, TimeProvider time, string container, string writer)
    {
        this.blobs = blobs;
        this.time = time;
        this.container = container;
        this.writer = writer;
        Appends = new GroupCommit<PendingLog>(AppendAllAsync, MaxLogsPerBlock);
    }

    public GroupCommit<PendingLog> Appends { get; }

    private async Task AppendAllAsync(IReadOnlyList<PendingLog> logs)
    {
        var name = CurrentName();
        var block = new byte[logs.Sum(log => log.Content.Length)];
        var end = 0;
        foreach (var log in logs)
        {
            log.Content.CopyTo(block, end);
            end += log.Content.Length;
        }

        var offset = await blobs.AppendAsync(container, name, block, CancellationToken.None);
        blocks++;
        foreach (var log in logs)
        {
            log.Location = new LogLocation(name, offset, log.Content.Length);
            offset += log.Content.Length;
        }
    }

    private string CurrentName()
    {
        var today = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (today != day)
        {
            (day, sequence, blocks) = (today, 0, 0);
        }
        else if (blocks >= MaxBlocksPerBlob)
        {
            (sequence, blocks) = (sequence + 1, 0);
        }

        return string.Create(CultureInfo.InvariantCulture, $"jobs/logs/{day}/{writer}-{sequence:D4}.log");
    }
}
