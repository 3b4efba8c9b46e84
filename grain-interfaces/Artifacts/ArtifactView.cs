namespace MolDash.GrainInterfaces.Artifacts;

/// <summary>
/// One stored file. <see cref="Uri"/> is its blob's name inside the org's container; <see cref="Duplicate"/>
/// is true when an upload or output matched a file the org already had (the answer is that file).
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.ArtifactView")]
public sealed record ArtifactView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string FileName,
    [property: Id(2)] string Format,
    [property: Id(3)] string ContentType,
    [property: Id(4)] long SizeBytes,
    [property: Id(5)] string Sha256,
    [property: Id(6)] string Uri,
    [property: Id(7)] Guid CreatedBy,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] bool Duplicate = false);
