using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Api.Uploads;

/// <summary>
/// Streams a request body to a staging blob through its pre-signed URL, never holding more than one block:
/// a body that fits one block is a single Put Blob, a longer one a series of Put Block calls and a Put Block
/// List (the Blob API needs each request's length up front, which a streamed body does not have). The API
/// holds no storage credentials; the URL is all it gets.
/// </summary>
public sealed class StagingBlobWriter(HttpClient http)
{
    private const int BlockSize = 4 * 1024 * 1024;

    /// <returns>The bytes written, or null when the body ran past <paramref name="maxBytes"/> (nothing is committed then).</returns>
    public async Task<long?> WriteAsync(Uri uploadUrl, Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            var blocks = new List<string>();
            long total = 0;
            while (true)
            {
                var filled = await FillAsync(body, buffer, cancellationToken);
                total += filled;
                if (total > maxBytes)
                {
                    return null;
                }

                var last = filled < BlockSize;
                if (last && blocks.Count == 0)
                {
                    await PutAsync(uploadUrl, "", Content(buffer, filled, blob: true), cancellationToken);
                    return total;
                }

                if (filled > 0)
                {
                    var id = Convert.ToBase64String(Encoding.ASCII.GetBytes(blocks.Count.ToString("D8", CultureInfo.InvariantCulture)));
                    await PutAsync(uploadUrl, "comp=block&blockid=" + Uri.EscapeDataString(id), Content(buffer, filled, blob: false), cancellationToken);
                    blocks.Add(id);
                }

                if (last)
                {
                    var list = "<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>"
                        + string.Concat(blocks.Select(id => $"<Latest>{id}</Latest>")) + "</BlockList>";
                    await PutAsync(uploadUrl, "comp=blocklist", new StringContent(list, Encoding.UTF8, "application/xml"), cancellationToken);
                    return total;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<int> FillAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < BlockSize && (read = await body.ReadAsync(buffer.AsMemory(filled, BlockSize - filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled;
    }

    private static ByteArrayContent Content(byte[] buffer, int length, bool blob)
    {
        var content = new ByteArrayContent(buffer, 0, length);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (blob)
        {
            content.Headers.Add("x-ms-blob-type", "BlockBlob");
        }

        return content;
    }

    private async Task PutAsync(Uri uploadUrl, string query, HttpContent content, CancellationToken cancellationToken)
    {
        var url = query.Length == 0 ? uploadUrl : new Uri(uploadUrl + "&" + query);
        using (content)
        {
            using var response = await http.PutAsync(url, content, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new MolDashException(ErrorKind.Unavailable, $"Blob storage refused the upload ({(int)response.StatusCode}); try again.");
            }
        }
    }
}
