using MolDash.GrainInterfaces.Tasks;

namespace MolDash.Grains.Tasks;

[GenerateSerializer, Alias("MolDash.TaskDefinitionState")]
public sealed class TaskDefinitionState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Description { get; set; } = "";
    [Id(2)] public string Category { get; set; } = "";
    [Id(3)] public List<string> Tags { get; set; } = [];
    /// <summary>Compact JSON; a few tens of KiB for a real service, bounded by TaskDocumentLimits.</summary>
    [Id(4)] public string DocumentJson { get; set; } = "";
    [Id(5)] public string OperationId { get; set; } = "";
    [Id(6)] public TaskDeployment Deployment { get; set; } = new();
    [Id(7)] public TaskDefinitionStatus Status { get; set; }
    [Id(8)] public string? DeprecationReason { get; set; }
    [Id(9)] public DateTimeOffset CreatedAt { get; set; }
    [Id(10)] public Guid CreatedBy { get; set; }
    [Id(11)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(12)] public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>The bundle import that created this version, so only that import's rollback removes it.</summary>
    [Id(13)] public Guid? ImportId { get; set; }
}
