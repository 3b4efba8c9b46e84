namespace MolDash.GrainInterfaces.Cache;

[GenerateSerializer, Immutable, Alias("MolDash.CacheEntryPage")]
public sealed record CacheEntryPage(
    [property: Id(0)] IReadOnlyList<CacheEntryView> Items,
    [property: Id(1)] string? NextCursor);
