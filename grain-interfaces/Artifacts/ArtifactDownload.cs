namespace MolDash.GrainInterfaces.Artifacts;

[GenerateSerializer, Immutable, Alias("MolDash.ArtifactDownload")]
public sealed record ArtifactDownload(
    [property: Id(0)] Uri Url,
    [property: Id(1)] DateTimeOffset ExpiresAt);
