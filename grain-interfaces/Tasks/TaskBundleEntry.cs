namespace MolDash.GrainInterfaces.Tasks;

/// <summary>One task version in a bundle. Fields a client leaves out keep these defaults; the importer checks every one.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.TaskBundleEntry")]
public sealed record TaskBundleEntry
{
    [Id(0)] public string Name { get; init; } = "";
    [Id(1)] public string Version { get; init; } = "";
    [Id(2)] public TaskDefinitionStatus Status { get; init; }
    [Id(3)] public string? DeprecationReason { get; init; }
    [Id(4)] public string Description { get; init; } = "";
    [Id(5)] public string Category { get; init; } = "";
    [Id(6)] public IReadOnlyList<string> Tags { get; init; } = [];
    [Id(7)] public string OperationId { get; init; } = "";
    [Id(8)] public TaskDeployment Deployment { get; init; } = new();
    /// <summary>The OpenAPI document as JSON (or a JSON string holding YAML or JSON text).</summary>
    [Id(9)] public JsonText Document { get; init; } = new("null");
}
