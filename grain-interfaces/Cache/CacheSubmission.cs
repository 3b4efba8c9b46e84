using MolDash.GrainInterfaces.Jobs;

namespace MolDash.GrainInterfaces.Cache;

/// <summary>A pipeline run offered to the cache entry of its signature.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.CacheSubmission")]
public sealed record CacheSubmission
{
    [Id(0)] public required string PipelineName { get; init; }
    [Id(1)] public required string PipelineVersion { get; init; }
    /// <summary>The job to create when one is needed (its id and graph).</summary>
    [Id(2)] public required Guid JobId { get; init; }
    [Id(3)] public required JobSubmission Job { get; init; }
    [Id(4)] public required double ConfidenceThreshold { get; init; }
    [Id(5)] public TimeSpan? DefaultTtl { get; init; }
    /// <summary>The artifacts the inputs name: a hit needs them all still there.</summary>
    [Id(6)] public IReadOnlyList<Guid> InputArtifacts { get; init; } = [];
    /// <summary>Run again even if the entry could answer (the new job becomes the entry's).</summary>
    [Id(7)] public bool Refresh { get; init; }
}
