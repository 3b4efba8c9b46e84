namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>Catalog filters; null means "any". <see cref="Text"/> searches name and description.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.PipelineQuery")]
public sealed record PipelineQuery
{
    [Id(0)] public string? Category { get; init; }
    [Id(1)] public string? Tag { get; init; }
    [Id(2)] public PipelineVisibility? Visibility { get; init; }
    [Id(3)] public string? Text { get; init; }
    /// <summary>Only pipelines with a published version (what Standard users always see).</summary>
    [Id(4)] public bool PublishedOnly { get; init; }
}
