namespace MolDash.GrainInterfaces.Artifacts;

/// <summary>Filters of the artifact listing; null means "any".</summary>
[GenerateSerializer, Immutable, Alias("MolDash.ArtifactQuery")]
public sealed record ArtifactQuery(
    [property: Id(0)] Guid? JobId = null,
    [property: Id(1)] string? Format = null);
