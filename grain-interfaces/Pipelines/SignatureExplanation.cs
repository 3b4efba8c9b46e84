namespace MolDash.GrainInterfaces.Pipelines;

/// <summary>
/// What a submission's input signature is made of: the SHA-256 of the canonical JSON of these parts. Two
/// submissions hit the same cache entry exactly when all parts are equal.
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.SignatureExplanation")]
public sealed record SignatureExplanation
{
    [Id(0)] public required string Signature { get; init; }
    /// <summary>The canonical JSON that was hashed (sorted keys, normalized numbers, artifacts by checksum).</summary>
    [Id(1)] public required string CanonicalJson { get; init; }
    [Id(2)] public required string PipelineHash { get; init; }
    /// <summary>Each task version's definition hash (document, image, environment), by "name@version".</summary>
    [Id(3)] public required IReadOnlyDictionary<string, string> TaskHashes { get; init; }
    /// <summary>Each artifact named in the inputs, by id, with the content checksum that stands for it.</summary>
    [Id(4)] public required IReadOnlyDictionary<Guid, string> ArtifactChecksums { get; init; }
}
