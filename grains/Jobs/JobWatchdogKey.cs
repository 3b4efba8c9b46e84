using System.Buffers.Binary;
using System.Globalization;

namespace MolDash.Grains.Jobs;

/// <summary>"{org:N}/{shard}": which watchdog shard of its org watches a job.</summary>
public static class JobWatchdogKey
{
    public static string For(Guid orgId, Guid jobId, int shards)
    {
        // From the id's bytes, not GetHashCode: the shard of a job must be the same in every process and version.
        var shard = BinaryPrimitives.ReadUInt32LittleEndian(jobId.ToByteArray()) % (uint)shards;
        return $"{orgId:N}/{shard.ToString(CultureInfo.InvariantCulture)}";
    }

    public static Guid OrgOf(string key) => Guid.ParseExact(key[..key.IndexOf('/', StringComparison.Ordinal)], "N");
}
