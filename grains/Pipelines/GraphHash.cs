namespace MolDash.Grains.Pipelines;

/// <summary>
/// A pipeline graph's part of the input signature (see <see cref="InputSignature.HashGraph"/>): its hash, and the
/// checksums that stood for the artifacts its fixed parameters name. A published graph never changes and an
/// artifact's content never does either, so it is computed once per published version.
/// </summary>
public sealed record GraphHash(string Hash, IReadOnlyDictionary<Guid, string> ArtifactChecksums);
