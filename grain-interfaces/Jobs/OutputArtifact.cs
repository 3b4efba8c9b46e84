namespace MolDash.GrainInterfaces.Jobs;

/// <summary>A file a run returned, kept as an artifact of its job: where it was in the output, and the artifact now holding it.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.OutputArtifact")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Pointer is the RFC 6901 term clients look for.")]
public sealed record OutputArtifact(
    [property: Id(0)] string Pointer,
    [property: Id(1)] Guid ArtifactId,
    [property: Id(2)] string FileName,
    [property: Id(3)] string Format);
