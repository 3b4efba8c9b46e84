namespace MolDash.GrainInterfaces.Cache;

/// <summary>One cached result: the job that answers every submission with this input signature.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.CacheEntryView")]
public sealed record CacheEntryView
{
    [Id(0)] public required string Signature { get; init; }
    [Id(1)] public required string PipelineName { get; init; }
    [Id(2)] public required string PipelineVersion { get; init; }
    [Id(3)] public required Guid CanonicalJobId { get; init; }
    [Id(4)] public required CacheEntryStatus Status { get; init; }
    /// <summary>The job's confidence: the lowest of its nodes' (null when a node's is unknown).</summary>
    [Id(5)] public double? ConfidenceScore { get; init; }
    [Id(6)] public long HitCount { get; init; }
    [Id(7)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public required DateTimeOffset LastUsedAt { get; init; }
    /// <summary>How long after its job finished the entry stays reusable; null: until invalidated.</summary>
    [Id(9)] public TimeSpan? Ttl { get; init; }
    [Id(10)] public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>A pinned entry never expires and is never swept.</summary>
    [Id(11)] public bool Pinned { get; init; }
}
