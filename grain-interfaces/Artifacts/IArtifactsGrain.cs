namespace MolDash.GrainInterfaces.Artifacts;

/// <summary>
/// An organization's files (molecules, receptors, task outputs), keyed by the org id. Uploads go straight
/// to blob storage through a pre-signed URL in the org's container; the grain then checks the file,
/// de-duplicates it by checksum and records it in the org's results database.
/// </summary>
[Alias("MolDash.IArtifactsGrain")]
public interface IArtifactsGrain : IGrainWithGuidKey
{
    /// <summary>A staging place for one upload and the most bytes it may hold (the smaller of the upload limit and the storage left).</summary>
    [Alias("BeginUpload")]
    Task<UploadTicket> BeginUploadAsync(string fileName);

    /// <summary>
    /// Checks the staged file (the declared <paramref name="format"/> wins over detection but is still
    /// validated), stores it under its checksum and records it; the same content twice is the same artifact.
    /// Completing the same upload again answers the artifact it made.
    /// </summary>
    [Alias("CompleteUpload")]
    Task<ArtifactView> CompleteUploadAsync(Guid uploadId, string fileName, string? format);

    /// <summary>Stores a task's file output as an artifact of the job (de-duplicated; the link is recorded either way).</summary>
    [Alias("StoreOutput")]
    Task<ArtifactView> StoreOutputAsync(Guid jobId, string nodeId, string fileName, string format, string content);

    [Alias("Get")]
    Task<ArtifactView> GetAsync(Guid artifactId);

    /// <param name="after">The cursor from the previous page, or null for the first page (newest first).</param>
    [Alias("List")]
    Task<ArtifactPage> ListAsync(ArtifactQuery query, string? after, int limit);

    /// <summary>A short-lived pre-signed URL to read the file.</summary>
    [Alias("GetDownload")]
    Task<ArtifactDownload> GetDownloadAsync(Guid artifactId);

    /// <summary>The file as text, for binding it inline into a task's parameters; refused above <see cref="ArtifactLimits.MaxInlineTextBytes"/>.</summary>
    [Alias("ReadText")]
    Task<string> ReadTextAsync(Guid artifactId);
}
