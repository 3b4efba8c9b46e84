namespace MolDash.GrainInterfaces.Tasks;

/// <summary>What an Admin submits to create or edit a task version.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.TaskDefinitionDraft")]
public sealed record TaskDefinitionDraft
{
    [Id(0)] public string Description { get; init; } = "";
    [Id(1)] public string Category { get; init; } = "";
    [Id(2)] public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>The OpenAPI 3.0 document, JSON or YAML text.</summary>
    [Id(3)] public string Document { get; init; } = "";
    /// <summary>The task operation's id; optional when the document has one candidate.</summary>
    [Id(4)] public string? OperationId { get; init; }
    [Id(5)] public TaskDeployment Deployment { get; init; } = new();
}
