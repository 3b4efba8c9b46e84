namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>A step of a pipeline: one pinned task version with the parameters fixed for it.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.PipelineNode")]
public sealed record PipelineNode
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string TaskName { get; init; }
    [Id(2)] public required string TaskVersion { get; init; }
    /// <summary>Fixed parameters (a JSON object); exposed inputs and edges fill in the rest.</summary>
    [Id(3)] public string ParametersJson { get; init; } = "{}";
    /// <summary>When true, this step's failure skips only what depends on it instead of failing the run.</summary>
    [Id(4)] public bool ContinueOnFailure { get; init; }
}
