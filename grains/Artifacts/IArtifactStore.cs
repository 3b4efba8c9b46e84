using MolDash.GrainInterfaces.Artifacts;
using MolDash.Grains.Persistence;

namespace MolDash.Grains.Artifacts;

/// <summary>Artifact metadata in each org's results database.</summary>
public interface IArtifactStore
{
    Task<ArtifactView?> GetAsync(Guid orgId, Guid artifactId, CancellationToken cancellationToken);

    Task<ArtifactView?> FindByChecksumAsync(Guid orgId, string sha256, CancellationToken cancellationToken);

    /// <summary>Inserts the artifact (its <see cref="ArtifactView.Uri"/> is the blob name) unless the org already has its checksum; answers the row that holds it and whether it was new.</summary>
    Task<(ArtifactView Artifact, bool Created)> AddAsync(Guid orgId, ArtifactView artifact, CancellationToken cancellationToken);

    Task<ArtifactView?> FindUploadAsync(Guid orgId, Guid uploadId, CancellationToken cancellationToken);

    Task RecordUploadAsync(Guid orgId, Guid uploadId, Guid artifactId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Links the artifact to a job's node output (the latest write of a name wins).</summary>
    Task LinkAsync(Guid orgId, Guid jobId, string nodeId, string name, Guid artifactId, DateTimeOffset at, CancellationToken cancellationToken);

    Task<ArtifactPage> ListAsync(Guid orgId, ArtifactQuery query, KeysetCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>The bytes the org's artifacts hold (each checksum once).</summary>
    Task<long> StoredBytesAsync(Guid orgId, CancellationToken cancellationToken);
}
