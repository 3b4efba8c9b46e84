using System.Text;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Artifacts.Formats;

/// <summary>
/// Lines of a molecule file read from a stream in chunks: strict UTF-8 (an optional BOM dropped), no NUL
/// bytes, bounded line length, and no more than the allowed bytes; anything else stops the read.
/// </summary>
internal sealed class TextLineReader(Stream stream, long maxBytes, string limitReason)
{
    public const int MaxLineLength = 100_000;
    private const int ChunkSize = 64 * 1024;

    private readonly Decoder decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly byte[] bytes = new byte[ChunkSize];
    private readonly char[] chars = new char[ChunkSize + 4];
    private readonly StringBuilder line = new();
    private readonly Queue<string> ready = new();
    private bool ended;
    private bool first = true;
    private int lines;

    public long BytesRead { get; private set; }

    /// <summary>The next line, or null at the end of the file (a final line without a line break counts).</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (ready.Count == 0 && !ended)
        {
            await FillAsync(cancellationToken);
        }

        return ready.Count > 0 ? ready.Dequeue() : null;
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        var read = await stream.ReadAsync(bytes, cancellationToken);
        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            throw new MolDashException(ErrorKind.PayloadTooLarge, $"The file is larger than {maxBytes} bytes: {limitReason}");
        }

        if (bytes.AsSpan(0, read).Contains((byte)0))
        {
            throw NotText("it contains NUL bytes");
        }

        int count;
        try
        {
            count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
        }
        catch (DecoderFallbackException)
        {
            throw NotText("it is not UTF-8 text");
        }

        var span = chars.AsSpan(0, count);
        if (first && span.Length > 0)
        {
            first = false;
            span = span[0] == '\uFEFF' ? span[1..] : span;
        }

        foreach (var c in span)
        {
            if (c == '\n')
            {
                Emit();
            }
            else if (line.Length >= MaxLineLength)
            {
                throw new MolDashException(ErrorKind.Validation,
                    $"The file is not a text molecule file: line {lines + 1} is longer than {MaxLineLength} characters.");
            }
            else
            {
                line.Append(c);
            }
        }

        if (read == 0)
        {
            ended = true;
            if (line.Length > 0)
            {
                Emit();
            }
        }
    }

    private void Emit()
    {
        var length = line.Length > 0 && line[^1] == '\r' ? line.Length - 1 : line.Length;
        ready.Enqueue(line.ToString(0, length));
        lines++;
        line.Clear();
    }

    private static MolDashException NotText(string why) =>
        new(ErrorKind.Validation, $"The file is not a text molecule file ({why}).", [new FieldError("/file", $"Not a text molecule file: {why}.")]);
}
