namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>A pipeline's description and policies, as created or replaced by an Admin.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.PipelineDraft")]
public sealed record PipelineDraft
{
    [Id(0)] public string Description { get; init; } = "";
    [Id(1)] public string Category { get; init; } = "";
    [Id(2)] public IReadOnlyList<string> Tags { get; init; } = [];
    [Id(3)] public PipelineVisibility Visibility { get; init; } = PipelineVisibility.Org;
    /// <summary>A cached result is reused only when its confidence is at least this (0–1).</summary>
    [Id(4)] public double CacheConfidenceThreshold { get; init; } = 0.9;
    /// <summary>How long a cached result stays reusable unless its entry says otherwise; null keeps it until invalidated.</summary>
    [Id(5)] public TimeSpan? CacheTtl { get; init; }
}
