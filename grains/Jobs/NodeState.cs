using MolDash.GrainInterfaces.Jobs;

namespace MolDash.Grains.Jobs;

[GenerateSerializer]
public sealed class NodeState
{
    [Id(0)] public required JobNode Node { get; init; }
    [Id(1)] public NodeStatus Status { get; set; }
    /// <summary>The current run's id: the Idempotency-Key the service sees; a new one only for a new run, never for a re-dispatch.</summary>
    [Id(2)] public Guid RunId { get; set; }
    [Id(3)] public int Attempts { get; set; }
    [Id(4)] public string? Instance { get; set; }
    [Id(5)] public string? Error { get; set; }
    [Id(6)] public DateTimeOffset? QueuedAt { get; set; }
    [Id(7)] public DateTimeOffset? StartedAt { get; set; }
    [Id(8)] public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Kept only while a downstream node still has to bind from it; the results database has every output.</summary>
    [Id(9)] public string? OutputJson { get; set; }

    public bool IsActive => Status is NodeStatus.Queued or NodeStatus.Running;

    public bool IsFinished => Status is NodeStatus.Succeeded or NodeStatus.Failed or NodeStatus.Skipped or NodeStatus.Cancelled;
}
