using MolDash.GrainInterfaces.Pipelines;

namespace MolDash.Api.Contracts;

/// <summary>A new pipeline with its first version (a draft; "1.0.0" when none is given).</summary>
public sealed record CreatePipelineRequest(
    string? Name,
    string? Version,
    string? Description,
    string? Category,
    IReadOnlyList<string>? Tags,
    PipelineVisibility? Visibility,
    double? CacheConfidenceThreshold,
    int? CacheTtlSeconds,
    PipelineGraph? Graph);
