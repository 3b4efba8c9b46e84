using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Storage;

/// <summary><see cref="IBlobStore"/> over the Azure Blob API (Azure Storage, or Azurite locally).</summary>
public sealed partial class AzureBlobStore(BlobServiceClient service, IOptions<BlobStorageOptions> options, TimeProvider time) : IBlobStore
{
    private const string Sha256MetadataKey = "sha256";
    private const int MaxBlobNameLength = 1024;
    private const int MaxContainerNameLength = 63;

    /// <summary>Up to this size a blob is written with one request; larger ones are streamed in blocks.</summary>
    private const int SingleRequestLimit = 8 << 20;

    private readonly BlobStorageOptions settings = options.Value;

    public async Task EnsureContainerAsync(string container, CancellationToken cancellationToken) =>
        await Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public async Task DeleteContainerAsync(string container, CancellationToken cancellationToken) =>
        await Container(container).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public async Task<StoredBlob> PutAsync(string container, string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var blob = Container(container).GetBlobClient(ValidBlobName(name));
        if (content.CanSeek && content.Length - content.Position <= SingleRequestLimit)
        {
            return await PutInOneRequestAsync(blob, name, content, contentType, cancellationToken);
        }

        using var hashing = new HashingReadStream(content);
        var uploaded = await blob.UploadAsync(hashing, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
        }, cancellationToken);
        var sha256 = hashing.HashHex();
        await blob.SetMetadataAsync(
            new Dictionary<string, string> { [Sha256MetadataKey] = sha256 },
            new BlobRequestConditions { IfMatch = uploaded.Value.ETag },
            cancellationToken);
        return new StoredBlob(name, hashing.BytesRead, contentType, sha256, uploaded.Value.LastModified);
    }

    /// <summary>Content whose size is known is hashed first, so it goes up with its checksum in one request.</summary>
    private static async Task<StoredBlob> PutInOneRequestAsync(BlobClient blob, string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var start = content.Position;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        content.Position = start;
        var uploaded = await blob.UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string> { [Sha256MetadataKey] = sha256 },
            TransferOptions = new StorageTransferOptions { InitialTransferSize = SingleRequestLimit, MaximumTransferSize = SingleRequestLimit },
        }, cancellationToken);
        return new StoredBlob(name, content.Length - start, contentType, sha256, uploaded.Value.LastModified);
    }

    public async Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await Container(container).GetBlobClient(ValidBlobName(name)).OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<long> AppendAsync(string container, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var blob = Container(container).GetAppendBlobClient(ValidBlobName(name));
        try
        {
            return await AppendBlockAsync(blob, content, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            await blob.CreateIfNotExistsAsync(new AppendBlobCreateOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" },
            }, cancellationToken);
            return await AppendBlockAsync(blob, content, cancellationToken);
        }
    }

    private static async Task<long> AppendBlockAsync(AppendBlobClient blob, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        using var block = BinaryData.FromBytes(content).ToStream();
        var appended = await blob.AppendBlockAsync(block, cancellationToken: cancellationToken);
        return long.Parse(appended.Value.BlobAppendOffset, CultureInfo.InvariantCulture);
    }

    public async Task<Stream?> OpenReadRangeAsync(string container, string name, long offset, long length, CancellationToken cancellationToken)
    {
        try
        {
            var download = await Container(container).GetBlobClient(ValidBlobName(name))
                .DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(offset, length) }, cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<StoredBlob> ListAsync(string container, string? prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var blobs = Container(container).GetBlobsAsync(
            new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix },
            cancellationToken);
        await foreach (var item in blobs)
        {
            yield return new StoredBlob(
                item.Name,
                item.Properties.ContentLength ?? 0,
                item.Properties.ContentType ?? "application/octet-stream",
                item.Metadata.TryGetValue(Sha256MetadataKey, out var sha) ? sha : "",
                item.Properties.LastModified ?? DateTimeOffset.MinValue);
        }
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken)
    {
        var response = await Container(container).GetBlobClient(ValidBlobName(name)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        return response.Value;
    }

    public Uri GetReadUrl(string container, string name, TimeSpan? lifetime = null) =>
        SignedUrl(container, name, BlobSasPermissions.Read, lifetime);

    public Uri GetWriteUrl(string container, string name, TimeSpan? lifetime = null) =>
        SignedUrl(container, name, BlobSasPermissions.Create | BlobSasPermissions.Write, lifetime);

    private Uri SignedUrl(string container, string name, BlobSasPermissions permissions, TimeSpan? lifetime)
    {
        var blob = Container(container).GetBlobClient(ValidBlobName(name));
        return blob.GenerateSasUri(permissions, time.GetUtcNow() + (lifetime ?? settings.SasLifetime));
    }

    private BlobContainerClient Container(string container)
    {
        if (!ContainerPattern().IsMatch(container))
        {
            throw new MolDashException(ErrorKind.Validation,
                $"'{container}' is not a valid container name (lowercase letters, digits and single hyphens).");
        }

        var fullName = $"{settings.ContainerPrefix}-{container}";
        return fullName.Length <= MaxContainerNameLength
            ? service.GetBlobContainerClient(fullName)
            : throw new MolDashException(ErrorKind.Validation, $"The container name '{container}' is too long.");
    }

    /// <summary>Blob names stay inside their container: no absolute paths, no "..", no backslashes.</summary>
    private static string ValidBlobName(string name)
    {
        var segments = name.Split('/');
        var valid = name.Length is > 0 and <= MaxBlobNameLength
            && !name.Contains('\\', StringComparison.Ordinal)
            && !name.Any(char.IsControl)
            && segments.All(segment => segment.Length > 0 && segment is not "." and not "..");
        return valid
            ? name
            : throw new MolDashException(ErrorKind.Validation, $"'{name}' is not a valid file name inside a container.");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerPattern();
}
