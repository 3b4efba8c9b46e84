using System.Collections.Concurrent;
using MolDash.GrainInterfaces.Artifacts;
using MolDash.Grains.Artifacts;
using MolDash.Grains.Persistence;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>The artifact store's contract in memory, for grain logic tests; the PostgreSQL one runs in the integration tests.</summary>
public sealed class InMemoryArtifactStore : IArtifactStore
{
    private readonly ConcurrentDictionary<(Guid Org, Guid Id), ArtifactView> artifacts = new();
    private readonly ConcurrentDictionary<(Guid Org, Guid Upload), Guid> uploads = new();
    private readonly ConcurrentDictionary<(Guid Org, Guid Job, string Node, string Name), Guid> links = new();
    private readonly Lock gate = new();

    public Task<ArtifactView?> GetAsync(Guid orgId, Guid artifactId, CancellationToken cancellationToken) =>
        Task.FromResult(artifacts.GetValueOrDefault((orgId, artifactId)));

    public Task<ArtifactView?> FindByChecksumAsync(Guid orgId, string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(Of(orgId).FirstOrDefault(artifact => artifact.Sha256 == sha256));

    public Task<(ArtifactView Artifact, bool Created)> AddAsync(Guid orgId, ArtifactView artifact, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (Of(orgId).FirstOrDefault(existing => existing.Sha256 == artifact.Sha256) is { } existing)
            {
                return Task.FromResult((existing, false));
            }

            artifacts[(orgId, artifact.Id)] = artifact;
            return Task.FromResult((artifact, true));
        }
    }

    public Task<ArtifactView?> FindUploadAsync(Guid orgId, Guid uploadId, CancellationToken cancellationToken) =>
        Task.FromResult(uploads.TryGetValue((orgId, uploadId), out var id) ? artifacts.GetValueOrDefault((orgId, id)) : null);

    public Task RecordUploadAsync(Guid orgId, Guid uploadId, Guid artifactId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        uploads.TryAdd((orgId, uploadId), artifactId);
        return Task.CompletedTask;
    }

    public Task LinkAsync(Guid orgId, Guid jobId, string nodeId, string name, Guid artifactId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        links[(orgId, jobId, nodeId, name)] = artifactId;
        return Task.CompletedTask;
    }

    public Task<ArtifactPage> ListAsync(Guid orgId, ArtifactQuery query, KeysetCursor? after, int limit, CancellationToken cancellationToken)
    {
        var ordered = Of(orgId)
            .Where(artifact => query.Format is null || artifact.Format == query.Format)
            .Where(artifact => query.JobId is null || links.Any(link => link.Key.Org == orgId && link.Key.Job == query.JobId && link.Value == artifact.Id))
            .OrderByDescending(artifact => artifact.CreatedAt).ThenByDescending(artifact => artifact.Id)
            .Where(artifact => after is null || (artifact.CreatedAt, artifact.Id).CompareTo((after.CreatedAt, after.Id)) < 0)
            .Take(limit + 1).ToList();
        var next = ordered.Count > limit ? new KeysetCursor(ordered[limit - 1].CreatedAt, ordered[limit - 1].Id).Encode() : null;
        return Task.FromResult(new ArtifactPage([.. ordered.Take(limit)], next));
    }

    public Task<long> StoredBytesAsync(Guid orgId, CancellationToken cancellationToken) =>
        Task.FromResult(Of(orgId).Sum(artifact => artifact.SizeBytes));

    private IEnumerable<ArtifactView> Of(Guid orgId) => artifacts.Where(pair => pair.Key.Org == orgId).Select(pair => pair.Value);
}
