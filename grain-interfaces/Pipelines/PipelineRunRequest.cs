using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>A run of a pipeline version: its exposed inputs by name (a JSON object), a priority, and the job id to use when a new job is made.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.PipelineRunRequest")]
public sealed record PipelineRunRequest
{
    [Id(0)] public required string InputsJson { get; init; }
    [Id(1)] public RunPriority Priority { get; init; } = RunPriority.Normal;
    [Id(2)] public required Guid JobId { get; init; }
    /// <summary>Skip the cache: always make a new job (its result still becomes the entry's).</summary>
    [Id(3)] public bool Refresh { get; init; }
}
