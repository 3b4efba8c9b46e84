using MolDash.GrainInterfaces.Pipelines;

namespace MolDash.Grains.Pipelines;

[GenerateSerializer]
public sealed class PipelineVersionState
{
    [Id(0)] public required string Version { get; init; }
    [Id(1)] public PipelineVersionStatus Status { get; set; }
    [Id(2)] public PipelineGraph Graph { get; set; } = new();
    [Id(3)] public string? DeprecationReason { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; init; }
    [Id(5)] public Guid CreatedBy { get; init; }
    [Id(6)] public DateTimeOffset? PublishedAt { get; set; }
}
