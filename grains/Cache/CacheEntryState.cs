using MolDash.GrainInterfaces.Cache;

namespace MolDash.Grains.Cache;

[GenerateSerializer]
public sealed class CacheEntryState
{
    [Id(0)] public string PipelineName { get; set; } = "";
    [Id(1)] public string PipelineVersion { get; set; } = "";
    [Id(2)] public Guid CanonicalJobId { get; set; }
    [Id(3)] public CacheEntryStatus Status { get; set; }
    [Id(4)] public double? Confidence { get; set; }
    [Id(5)] public long HitCount { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public DateTimeOffset LastUsedAt { get; set; }
    [Id(8)] public TimeSpan? Ttl { get; set; }
    [Id(9)] public DateTimeOffset? ExpiresAt { get; set; }
    [Id(10)] public bool Pinned { get; set; }
    [Id(11)] public List<Guid> InputArtifacts { get; set; } = [];

    public bool Exists => CreatedAt != default;
}
