namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>
/// A parameter the person running the pipeline gives (or leaves at its default): the value goes to
/// <see cref="Pointer"/> in the input of each of <see cref="Targets"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.PipelineInput")]
public sealed record PipelineInput
{
    /// <summary>The name in the run request and the form: letters, digits, '_' and '-'.</summary>
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required IReadOnlyList<PipelineInputTarget> Targets { get; init; }
    [Id(2)] public string? Label { get; init; }
    [Id(3)] public string? Description { get; init; }
    /// <summary>The value used when a run gives none (JSON); an input without a default is required.</summary>
    [Id(4)] public string? DefaultJson { get; init; }
}
