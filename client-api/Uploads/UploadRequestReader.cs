using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace MolDash.Api.Uploads;

/// <summary>
/// Finds the file in an upload request without buffering it: the first file part of a multipart/form-data
/// body (a "format" field before it is read too), or the raw body named by <c>?fileName=</c>.
/// </summary>
public static class UploadRequestReader
{
    private const int MaxFieldLength = 256;

    /// <returns>The file, or null when the request carries none.</returns>
    public static async Task<UploadedFile?> ReadAsync(HttpRequest request, string? fileName, string? format, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(fileName) ? null : new UploadedFile(fileName, format, request.Body, request.ContentLength);
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return null;
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            if (disposition.IsFileDisposition())
            {
                var name = disposition.FileNameStar.Value ?? disposition.FileName.Value;
                return new UploadedFile(string.IsNullOrWhiteSpace(fileName) ? name ?? "" : fileName, format, section.Body, null);
            }

            if (disposition.Name.Value == "format")
            {
                format ??= await ReadFieldAsync(section.Body, cancellationToken);
            }
        }

        return null;
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new char[MaxFieldLength];
        using var reader = new StreamReader(body);
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return new string(buffer, 0, read).Trim();
    }
}
