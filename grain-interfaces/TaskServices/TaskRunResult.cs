using MolDash.GrainInterfaces.Jobs;

namespace MolDash.GrainInterfaces.TaskServices;

/// <summary>How a run ended: the service's output, or why there is none.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.TaskRunResult")]
public sealed record TaskRunResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] string? OutputJson,
    [property: Id(2)] string? Error,
    [property: Id(3)] int Attempts,
    [property: Id(4)] string? Instance,
    [property: Id(5)] IReadOnlyList<OutputArtifact>? Artifacts = null);
