using System.Security.Cryptography;
using System.Text;

namespace MolDash.Grains.Jobs;

/// <summary>
/// A node's run id, derived from its job and node: a job that lost its last write (its silo died) schedules the node
/// again with the same id, so a dispatch sent with that write is repeated, not doubled (services answer a repeated
/// Idempotency-Key from their store, and the task-service grain ignores a run it is already running).
/// </summary>
public static class RunIds
{
    public static Guid For(Guid jobId, string nodeId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{jobId:N}/{nodeId}"));
        // An RFC 9562 version 8 (custom) UUID.
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}
