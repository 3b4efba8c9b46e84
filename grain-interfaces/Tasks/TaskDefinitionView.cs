namespace MolDash.GrainInterfaces.Tasks;

[GenerateSerializer, Immutable, Alias("MolDash.TaskDefinitionView")]
public sealed record TaskDefinitionView
{
    [Id(0)] public required Guid OrgId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Version { get; init; }
    [Id(3)] public required string Description { get; init; }
    [Id(4)] public required string Category { get; init; }
    [Id(5)] public required IReadOnlyList<string> Tags { get; init; }
    [Id(6)] public required string OperationId { get; init; }
    [Id(7)] public required TaskDefinitionStatus Status { get; init; }
    [Id(8)] public string? DeprecationReason { get; init; }
    [Id(9)] public required TaskDeployment Deployment { get; init; }
    /// <summary>The stored OpenAPI document, as JSON whatever format it was submitted in.</summary>
    [Id(10)] public required JsonText Document { get; init; }
    [Id(11)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(12)] public required Guid CreatedBy { get; init; }
    [Id(13)] public required DateTimeOffset UpdatedAt { get; init; }
    [Id(14)] public DateTimeOffset? PublishedAt { get; init; }
}
