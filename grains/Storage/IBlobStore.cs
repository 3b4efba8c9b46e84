namespace MolDash.Grains.Storage;

/// <summary>
/// Files in blob storage, one container per organization. Names are relative to the container;
/// callers never see account URLs except through the short-lived pre-signed ones.
/// </summary>
public interface IBlobStore
{
    Task EnsureContainerAsync(string container, CancellationToken cancellationToken);

    /// <summary>Deletes the container with every blob in it; a container that does not exist is fine.</summary>
    Task DeleteContainerAsync(string container, CancellationToken cancellationToken);

    /// <summary>Streams <paramref name="content"/> into the blob, computing its SHA-256 on the way.</summary>
    Task<StoredBlob> PutAsync(string container, string name, Stream content, string contentType, CancellationToken cancellationToken);

    /// <returns>The blob's content, or null when it does not exist.</returns>
    Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken);

    /// <summary>Appends <paramref name="content"/> as one block to an append blob, which is made on first use.</summary>
    /// <returns>The offset in the blob at which the content starts.</returns>
    Task<long> AppendAsync(string container, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <returns>The <paramref name="length"/> bytes of the blob from <paramref name="offset"/>, or null when it does not exist.</returns>
    Task<Stream?> OpenReadRangeAsync(string container, string name, long offset, long length, CancellationToken cancellationToken);

    IAsyncEnumerable<StoredBlob> ListAsync(string container, string? prefix, CancellationToken cancellationToken);

    /// <returns>False when there was nothing to delete.</returns>
    Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken);

    /// <summary>A URL that lets its holder read the blob until it expires.</summary>
    Uri GetReadUrl(string container, string name, TimeSpan? lifetime = null);

    /// <summary>A URL that lets its holder create or overwrite the blob until it expires.</summary>
    Uri GetWriteUrl(string container, string name, TimeSpan? lifetime = null);
}
