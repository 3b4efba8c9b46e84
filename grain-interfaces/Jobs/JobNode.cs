namespace MolDash.GrainInterfaces.Jobs;

/// <summary>One node of the graph a job runs, its task version pinned.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.JobNode")]
public sealed record JobNode
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string TaskName { get; init; }
    [Id(2)] public required string TaskVersion { get; init; }
    /// <summary>The node's parameters (JSON object) before upstream outputs are bound into them.</summary>
    [Id(3)] public required string ParametersJson { get; init; }
    [Id(4)] public IReadOnlyList<NodeInput> Inputs { get; init; } = [];
    /// <summary>When true, this node's failure skips only what depends on it; otherwise it fails the job.</summary>
    [Id(5)] public bool ContinueOnFailure { get; init; }
    /// <summary>The batch item (0-based) this node works for; null for a node every item shares, or outside batches.</summary>
    [Id(6)] public int? Item { get; init; }
}
