using MolDash.GrainInterfaces.Tasks;

namespace MolDash.GrainInterfaces.Jobs;

/// <summary>A node's finished run as stored in the org's results database.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.NodeResult")]
public sealed record NodeResult
{
    [Id(0)] public required Guid JobId { get; init; }
    [Id(1)] public required string NodeId { get; init; }
    [Id(2)] public required Guid RunId { get; init; }
    [Id(3)] public required string TaskName { get; init; }
    [Id(4)] public required string TaskVersion { get; init; }
    [Id(5)] public required NodeStatus Status { get; init; }
    [Id(6)] public int Attempts { get; init; }
    [Id(7)] public string? Instance { get; init; }
    [Id(8)] public DateTimeOffset? QueuedAt { get; init; }
    [Id(9)] public DateTimeOffset? StartedAt { get; init; }
    [Id(10)] public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>The task's output (its success response body); null when it failed.</summary>
    [Id(11)] public JsonText? Output { get; init; }
    /// <summary>How far the result can be trusted to be reproduced, 0–1 (see docs); null when unknown.</summary>
    [Id(12)] public double? Confidence { get; init; }
    [Id(13)] public string? Error { get; init; }
    /// <summary>The files in <see cref="Output"/>, each kept as an artifact of the job (download them at /artifacts/{id}/download).</summary>
    [Id(14)] public IReadOnlyList<OutputArtifact> Artifacts { get; init; } = [];
}
