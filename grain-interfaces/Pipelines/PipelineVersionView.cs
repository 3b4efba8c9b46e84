namespace MolDash.GrainInterfaces.Pipelines;

[GenerateSerializer, Immutable, Alias("MolDash.PipelineVersionView")]
public sealed record PipelineVersionView
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required string Version { get; init; }
    [Id(2)] public required PipelineVersionStatus Status { get; init; }
    [Id(3)] public required PipelineGraph Graph { get; init; }
    /// <summary>What keeps a draft from being published (empty once it is valid; always empty once published).</summary>
    [Id(4)] public required IReadOnlyList<Errors.FieldError> Problems { get; init; }
    [Id(5)] public string? DeprecationReason { get; init; }
    [Id(6)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(7)] public required Guid CreatedBy { get; init; }
    [Id(8)] public DateTimeOffset? PublishedAt { get; init; }
}
