namespace MolDash.GrainInterfaces.Jobs;

[GenerateSerializer, Immutable, Alias("MolDash.NodeResultPage")]
public sealed record NodeResultPage(
    [property: Id(0)] IReadOnlyList<NodeResult> Items,
    [property: Id(1)] string? NextCursor);
