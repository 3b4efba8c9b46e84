namespace MolDash.GrainInterfaces.Artifacts;

[GenerateSerializer, Immutable, Alias("MolDash.ArtifactPage")]
public sealed record ArtifactPage(
    [property: Id(0)] IReadOnlyList<ArtifactView> Items,
    [property: Id(1)] string? NextCursor);
