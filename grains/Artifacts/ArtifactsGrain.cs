using System.Text;
using Azure;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Artifacts;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;
using MolDash.Grains.Artifacts.Formats;
using MolDash.Grains.Audit;
using MolDash.Grains.Organizations;
using MolDash.Grains.Persistence;
using MolDash.Grains.Storage;
using Orleans.Concurrency;

namespace MolDash.Grains.Artifacts;

/// <summary>
/// An org's artifacts. Stateless: the truth is the org's container (blobs named by checksum) and its
/// results database (metadata, unique by checksum), so any number of activations may serve uploads at once.
/// </summary>
[StatelessWorker]
[GrainType("moldash-artifacts")]
public sealed class ArtifactsGrain(IArtifactStore store, IBlobStore blobs, Auditor auditor, TimeProvider time) : Grain, IArtifactsGrain, IOrgOwned
{
    public const int MaxPageSize = 200;
    private static readonly TimeSpan UploadUrlLifetime = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan DownloadUrlLifetime = TimeSpan.FromMinutes(5);

    public Guid OwnerOrgId => this.GetPrimaryKey();

    private string Container => OrgResourceNames.BlobContainer(OwnerOrgId);

    public async Task<UploadTicket> BeginUploadAsync(string fileName)
    {
        ArtifactNames.Sanitize(fileName);
        var (maxBytes, reason) = await LimitAsync(forUpload: true);
        var uploadId = Guid.NewGuid();
        var url = blobs.GetWriteUrl(Container, StagingName(uploadId), UploadUrlLifetime);
        return new UploadTicket(uploadId, url, time.GetUtcNow() + UploadUrlLifetime, maxBytes, reason);
    }

    public async Task<ArtifactView> CompleteUploadAsync(Guid uploadId, string fileName, string? format)
    {
        var name = ArtifactNames.Sanitize(fileName);
        if (await store.FindUploadAsync(OwnerOrgId, uploadId, CancellationToken.None) is { } completed)
        {
            return completed;
        }

        var (maxBytes, reason) = await LimitAsync(forUpload: true);
        var staging = StagingName(uploadId);
        InspectedFile inspected;
        try
        {
            await using var content = await BlobAsync(() => blobs.OpenReadAsync(Container, staging, CancellationToken.None))
                ?? throw MolDashException.NotFound("The upload");
            inspected = await MoleculeFileInspector.InspectAsync(content, name, format, maxBytes, reason, CancellationToken.None);
        }
        catch (MolDashException e) when (e.Kind != ErrorKind.NotFound)
        {
            await BlobAsync(() => blobs.DeleteAsync(Container, staging, CancellationToken.None));
            throw;
        }

        var artifact = await StoreAsync(name, inspected, async blobName =>
        {
            await using var content = await BlobAsync(() => blobs.OpenReadAsync(Container, staging, CancellationToken.None))
                ?? throw MolDashException.NotFound("The upload");
            return await BlobAsync(() => blobs.PutAsync(Container, blobName, content, inspected.Format.ContentType, CancellationToken.None));
        });
        await BlobAsync(() => blobs.DeleteAsync(Container, staging, CancellationToken.None));
        await store.RecordUploadAsync(OwnerOrgId, uploadId, artifact.Id, Now(), CancellationToken.None);
        await AuditAsync(AuditActions.ArtifactUploaded, artifact, new Dictionary<string, string?>());
        return artifact;
    }

    public async Task<ArtifactView> StoreOutputAsync(Guid jobId, string nodeId, string fileName, string format, string content)
    {
        var name = ArtifactNames.Sanitize(fileName);
        if (string.IsNullOrWhiteSpace(nodeId))
        {
            throw MolDashException.Invalid("A task output names its node.", [new FieldError("/nodeId", "Required.")]);
        }

        var bytes = Encoding.UTF8.GetBytes(content);
        var (maxBytes, reason) = await LimitAsync(forUpload: false);
        InspectedFile inspected;
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            inspected = await MoleculeFileInspector.InspectAsync(stream, name, format, maxBytes, reason, CancellationToken.None);
        }

        var artifact = await StoreAsync(name, inspected, blobName =>
            BlobAsync(() => blobs.PutAsync(Container, blobName, new MemoryStream(bytes, writable: false), inspected.Format.ContentType, CancellationToken.None)));
        await store.LinkAsync(OwnerOrgId, jobId, nodeId, name, artifact.Id, Now(), CancellationToken.None);
        await AuditAsync(AuditActions.ArtifactOutputStored, artifact, new Dictionary<string, string?> { ["jobId"] = jobId.ToString(), ["nodeId"] = nodeId });
        return artifact;
    }

    public async Task<ArtifactView> GetAsync(Guid artifactId) =>
        await store.GetAsync(OwnerOrgId, artifactId, CancellationToken.None) ?? throw MolDashException.NotFound($"Artifact {artifactId}");

    public Task<ArtifactPage> ListAsync(ArtifactQuery query, string? after, int limit)
    {
        PageSize.Validate(limit, MaxPageSize);
        var format = query.Format is null ? null : MoleculeFormats.Find(query.Format)?.Name
            ?? throw MolDashException.Invalid("Unknown format.", [new FieldError("/format", $"One of {MoleculeFormats.SupportedNames}.")]);
        var cursor = after is null ? null : KeysetCursor.Decode(after);
        return store.ListAsync(OwnerOrgId, query with { Format = format }, cursor, limit, CancellationToken.None);
    }

    public async Task<ArtifactDownload> GetDownloadAsync(Guid artifactId)
    {
        var artifact = await GetAsync(artifactId);
        return new ArtifactDownload(blobs.GetReadUrl(Container, artifact.Uri, DownloadUrlLifetime), time.GetUtcNow() + DownloadUrlLifetime);
    }

    public async Task<string> ReadTextAsync(Guid artifactId)
    {
        var artifact = await GetAsync(artifactId);
        if (artifact.SizeBytes > ArtifactLimits.MaxInlineTextBytes)
        {
            throw new MolDashException(ErrorKind.PayloadTooLarge,
                $"Artifact {artifactId} has {artifact.SizeBytes} bytes; only files up to {ArtifactLimits.MaxInlineTextBytes} bytes are passed inline (pass larger ones by URL).");
        }

        await using var content = await BlobAsync(() => blobs.OpenReadAsync(Container, artifact.Uri, CancellationToken.None))
            ?? throw new MolDashException(ErrorKind.Unavailable, $"The file of artifact {artifactId} is missing from storage.");
        using var reader = new StreamReader(content, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>
    /// De-duplicates by checksum, otherwise writes the blob under its checksum and records it. The bytes
    /// written are hashed again, so a staging blob overwritten after its check is never recorded.
    /// </summary>
    private async Task<ArtifactView> StoreAsync(string fileName, InspectedFile inspected, Func<string, Task<StoredBlob>> write)
    {
        if (await store.FindByChecksumAsync(OwnerOrgId, inspected.Sha256, CancellationToken.None) is { } existing)
        {
            return existing with { Duplicate = true };
        }

        var blobName = $"artifacts/{inspected.Sha256}";
        var stored = await write(blobName);
        if (stored.Sha256 != inspected.Sha256)
        {
            await BlobAsync(() => blobs.DeleteAsync(Container, blobName, CancellationToken.None));
            throw new MolDashException(ErrorKind.Conflict, "The file changed while it was being stored; upload it again.");
        }

        var caller = CallerContext.Current;
        var artifact = new ArtifactView(Guid.NewGuid(), fileName, inspected.Format.Name, inspected.Format.ContentType,
            inspected.SizeBytes, inspected.Sha256, blobName, caller?.UserId ?? Guid.Empty, Now());
        var (row, created) = await store.AddAsync(OwnerOrgId, artifact, CancellationToken.None);
        return created ? row : row with { Duplicate = true };
    }

    /// <summary>The most bytes the next file may have, and the quota that sets it (named in the 413).</summary>
    private async Task<(long MaxBytes, string Reason)> LimitAsync(bool forUpload)
    {
        var org = await GrainFactory.GetGrain<IOrganizationGrain>(OwnerOrgId).GetAsync();
        if (org.Status != OrganizationStatus.Active)
        {
            throw new MolDashException(ErrorKind.Conflict, $"The organization is {org.Status.ToString().ToLowerInvariant()}; it stores no files until it is active.");
        }

        var quotas = org.Quotas;
        var stored = await store.StoredBytesAsync(OwnerOrgId, CancellationToken.None);
        var remaining = quotas.MaxStorageBytes - stored;
        var storage = $"the organization's storage quota (MaxStorageBytes) is {quotas.MaxStorageBytes} bytes and {stored} are in use.";
        if (remaining <= 0)
        {
            throw new MolDashException(ErrorKind.PayloadTooLarge, $"No room for another file: {storage}");
        }

        return forUpload && quotas.MaxUploadBytes <= remaining
            ? (quotas.MaxUploadBytes, $"the organization's upload limit (MaxUploadBytes) is {quotas.MaxUploadBytes} bytes.")
            : (remaining, storage);
    }

    private Task AuditAsync(string action, ArtifactView artifact, IReadOnlyDictionary<string, string?> extra)
    {
        var details = new Dictionary<string, string?>(extra)
        {
            ["fileName"] = artifact.FileName,
            ["format"] = artifact.Format,
            ["sha256"] = artifact.Sha256,
            ["sizeBytes"] = artifact.SizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["duplicate"] = artifact.Duplicate.ToString(),
        };
        return auditor.RecordAsync(action, artifact.Id.ToString(), AuditOutcome.Succeeded, OwnerOrgId, details);
    }

    /// <summary>Postgres keeps microseconds; views and cursors must agree with what a listing reads back.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }

    private static string StagingName(Guid uploadId) => $"uploads/{uploadId:N}";

    private static async Task<T> BlobAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (RequestFailedException e)
        {
            // The storage SDK's exceptions have no Orleans codec; the caller gets a retryable error instead.
            throw new MolDashException(ErrorKind.Unavailable, $"Blob storage is unavailable: {e.Message}");
        }
    }
}
