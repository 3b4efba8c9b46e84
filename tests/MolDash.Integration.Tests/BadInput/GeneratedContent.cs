using System.Net;

namespace MolDash.Integration.Tests.BadInput;

/// <summary>
/// A request body of <paramref name="size"/> bytes in all: <paramref name="prefix"/>, <paramref name="pattern"/>
/// repeated, then <paramref name="suffix"/>, written as it is sent (a 100 MB upload without a 100 MB array).
/// Chunked (no Content-Length) unless <paramref name="declareLength"/>.
/// </summary>
public sealed class GeneratedContent(byte[] pattern, long size, bool declareLength, byte[]? prefix = null, byte[]? suffix = null) : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[ChunkSize - ChunkSize % pattern.Length];
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = pattern[i % pattern.Length];
        }

        await stream.WriteAsync(prefix ?? []);
        var repeated = size - (prefix?.Length ?? 0) - (suffix?.Length ?? 0);
        for (var sent = 0L; sent < repeated; sent += chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, repeated - sent)));
        }

        await stream.WriteAsync(suffix ?? []);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = declareLength ? size : -1;
        return declareLength;
    }
}
