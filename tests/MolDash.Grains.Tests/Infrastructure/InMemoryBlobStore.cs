using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using MolDash.Grains.Storage;

namespace MolDash.Grains.Tests.Infrastructure;

/// <summary>Blob storage in memory for grain tests; the real adapter is tested against Azurite.</summary>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly ConcurrentDictionary<(string Container, string Name), (byte[] Bytes, string ContentType, DateTimeOffset At)> blobs = new();

    public Task EnsureContainerAsync(string container, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<StoredBlob> PutAsync(string container, string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        var bytes = copy.ToArray();
        blobs[(container, name)] = (bytes, contentType, DateTimeOffset.UtcNow);
        return Describe(name, blobs[(container, name)]);
    }

    public Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(blobs.TryGetValue((container, name), out var blob) ? new MemoryStream(blob.Bytes, writable: false) : null);

    public async IAsyncEnumerable<StoredBlob> ListAsync(string container, string? prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var ((owner, name), blob) in blobs)
        {
            if (owner == container && name.StartsWith(prefix ?? "", StringComparison.Ordinal))
            {
                yield return Describe(name, blob);
            }
        }
    }

    public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken) =>
        Task.FromResult(blobs.TryRemove((container, name), out _));

    public string? Text(string container, string name) =>
        blobs.TryGetValue((container, name), out var blob) ? System.Text.Encoding.UTF8.GetString(blob.Bytes) : null;

    private static StoredBlob Describe(string name, (byte[] Bytes, string ContentType, DateTimeOffset At) blob) =>
        new(name, blob.Bytes.Length, blob.ContentType, Convert.ToHexStringLower(SHA256.HashData(blob.Bytes)), blob.At);

    public Uri GetReadUrl(string container, string name, TimeSpan? lifetime = null) => new($"memory://{container}/{name}?read");

    public Uri GetWriteUrl(string container, string name, TimeSpan? lifetime = null) => new($"memory://{container}/{name}?write");
}
