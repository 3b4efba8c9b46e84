using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using MolDash.Grains.Storage;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>Blobs in memory, for grain logic tests; the Azure one is tested against Azurite.</summary>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<(string Container, string Name), (byte[] Content, string ContentType)> blobs = new();

    public Task EnsureContainerAsync(string container, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeleteContainerAsync(string container, CancellationToken cancellationToken)
    {
        foreach (var key in blobs.Keys.Where(key => key.Container == container))
        {
            blobs.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    public async Task<StoredBlob> PutAsync(string container, string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        var bytes = copy.ToArray();
        blobs[(container, name)] = (bytes, contentType);
        return new StoredBlob(name, bytes.Length, contentType, Convert.ToHexStringLower(SHA256.HashData(bytes)), DateTimeOffset.UtcNow);
    }

    /// <summary>What a client holding a write URL does: puts bytes into the blob.</summary>
    public void Write(string container, string name, byte[] content) => blobs[(container, name)] = (content, "application/octet-stream");

    public bool Exists(string container, string name) => blobs.ContainsKey((container, name));

    public string? Text(string container, string name) =>
        blobs.TryGetValue((container, name), out var blob) ? System.Text.Encoding.UTF8.GetString(blob.Content) : null;

    public Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(blobs.TryGetValue((container, name), out var blob) ? new MemoryStream(blob.Content, writable: false) : null);

    public Task<long> AppendAsync(string container, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        lock (blobs)
        {
            var before = blobs.TryGetValue((container, name), out var blob) ? blob.Content : [];
            blobs[(container, name)] = ([.. before, .. content.Span], "text/plain; charset=utf-8");
            return Task.FromResult((long)before.Length);
        }
    }

    public Task<Stream?> OpenReadRangeAsync(string container, string name, long offset, long length, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(blobs.TryGetValue((container, name), out var blob)
            ? new MemoryStream(blob.Content, (int)offset, (int)Math.Min(length, blob.Content.Length - offset), writable: false)
            : null);

    public async IAsyncEnumerable<StoredBlob> ListAsync(string container, string? prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var ((blobContainer, name), (content, contentType)) in blobs)
        {
            if (blobContainer == container && (prefix is null || name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                yield return new StoredBlob(name, content.Length, contentType, Convert.ToHexStringLower(SHA256.HashData(content)), DateTimeOffset.UtcNow);
            }
        }
    }

    public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult(blobs.TryRemove((container, name), out _));

    public Uri GetReadUrl(string container, string name, TimeSpan? lifetime = null) => new($"memory://{container}/{name}?read");

    public Uri GetWriteUrl(string container, string name, TimeSpan? lifetime = null) => new($"memory://{container}/{name}?write");
}
