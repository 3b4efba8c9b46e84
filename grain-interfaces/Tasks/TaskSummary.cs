namespace MolDash.GrainInterfaces.Tasks;

/// <summary>A task version as the catalog lists it (the document stays with its grain).</summary>
[GenerateSerializer, Immutable, Alias("MolDash.TaskSummary")]
public sealed record TaskSummary(
    [property: Id(0)] string Name,
    [property: Id(1)] string Version,
    [property: Id(2)] string Description,
    [property: Id(3)] string Category,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] TaskDefinitionStatus Status,
    [property: Id(6)] string OperationId,
    [property: Id(7)] DateTimeOffset UpdatedAt);
