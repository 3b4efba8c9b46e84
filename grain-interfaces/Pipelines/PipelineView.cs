namespace MolDash.GrainInterfaces.Pipelines;

[GenerateSerializer, Immutable, Alias("MolDash.PipelineView")]
public sealed record PipelineView
{
    [Id(0)] public required Guid OrgId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required PipelineDraft Settings { get; init; }
    [Id(3)] public required IReadOnlyList<PipelineVersionSummary> Versions { get; init; }
    [Id(4)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(5)] public required DateTimeOffset UpdatedAt { get; init; }
}
