using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>
/// One pipeline version over a library: each item is a complete set of the version's inputs by name (a JSON
/// object), run as its own sub-graph of one job; steps whose inputs are the same for every item run once.
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.PipelineBatchRequest")]
public sealed record PipelineBatchRequest
{
    [Id(0)] public required IReadOnlyList<string> ItemsJson { get; init; }
    [Id(1)] public RunPriority Priority { get; init; } = RunPriority.Normal;
    [Id(2)] public required Guid JobId { get; init; }
    /// <summary>Skip the cache: always make a new job (its result still becomes the entry's).</summary>
    [Id(3)] public bool Refresh { get; init; }
}
