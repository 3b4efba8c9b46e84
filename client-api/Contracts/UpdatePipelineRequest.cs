using MolDash.GrainInterfaces.Pipelines;

namespace MolDash.Api.Contracts;

/// <summary>A pipeline's settings; they replace the current ones.</summary>
public sealed record UpdatePipelineRequest(
    string? Description,
    string? Category,
    IReadOnlyList<string>? Tags,
    PipelineVisibility? Visibility,
    double? CacheConfidenceThreshold,
    int? CacheTtlSeconds);
