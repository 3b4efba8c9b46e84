using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.GrainInterfaces.Jobs;

/// <summary>What a new job runs: a graph already resolved and checked by whoever submits it.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.JobSubmission")]
public sealed record JobSubmission
{
    [Id(0)] public required JobKind Kind { get; init; }
    /// <summary>What the job runs, for people and listings: "dock@1.0.0", or a pipeline's name and version.</summary>
    [Id(1)] public required string Target { get; init; }
    [Id(2)] public required IReadOnlyList<JobNode> Nodes { get; init; }
    [Id(3)] public RunPriority Priority { get; init; } = RunPriority.Normal;
    /// <summary>The input signature, when the job was created through the cache.</summary>
    [Id(4)] public string? Signature { get; init; }
    /// <summary>
    /// The org whose registry holds the nodes' task versions when it is not the job's own: a public pipeline
    /// of another org. The job, its results and its files still belong to the job's org.
    /// </summary>
    [Id(5)] public Guid? TaskOrgId { get; init; }
}
