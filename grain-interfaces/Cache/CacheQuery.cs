namespace MolDash.GrainInterfaces.Cache;

[GenerateSerializer, Immutable, Alias("MolDash.CacheQuery")]
public sealed record CacheQuery
{
    [Id(0)] public string? PipelineName { get; init; }
    [Id(1)] public string? PipelineVersion { get; init; }
    [Id(2)] public CacheEntryStatus? Status { get; init; }
    [Id(3)] public bool? Pinned { get; init; }
}
