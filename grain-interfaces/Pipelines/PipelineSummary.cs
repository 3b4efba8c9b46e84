namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>A catalog entry: what a pipeline does, what it takes, what it runs, and how it has been used.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.PipelineSummary")]
public sealed record PipelineSummary
{
    [Id(0)] public required Guid OrgId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Description { get; init; }
    [Id(3)] public required string Category { get; init; }
    [Id(4)] public required IReadOnlyList<string> Tags { get; init; }
    [Id(5)] public required PipelineVisibility Visibility { get; init; }
    [Id(6)] public required IReadOnlyList<string> PublishedVersions { get; init; }
    [Id(7)] public required string LatestVersion { get; init; }
    /// <summary>The exposed inputs of the latest version, by name.</summary>
    [Id(8)] public required IReadOnlyList<string> Inputs { get; init; }
    /// <summary>The task versions the latest version runs ("name@version").</summary>
    [Id(9)] public required IReadOnlyList<string> Tasks { get; init; }
    [Id(10)] public required DateTimeOffset UpdatedAt { get; init; }
    [Id(11)] public long Runs { get; init; }
    [Id(12)] public long CacheHits { get; init; }
    [Id(13)] public DateTimeOffset? LastRunAt { get; init; }
}
