using MolDash.GrainInterfaces.Errors;
using MolDash.Grains.Storage;

namespace MolDash.Grains.Artifacts.Formats;

/// <summary>
/// Reads a file once, streaming: chooses its format (declared, else detected), checks every line and
/// hashes every byte. Failures are the API's answers: 415 for an unknown format, 422 with the line for a
/// malformed or binary file, 413 past the size limit.
/// </summary>
public static class MoleculeFileInspector
{
    /// <summary>How many leading lines detection looks at.</summary>
    private const int HeadLines = 128;

    public static async Task<InspectedFile> InspectAsync(
        Stream content, string fileName, string? declaredFormat, long maxBytes, string limitReason, CancellationToken cancellationToken)
    {
        await using var hashing = new HashingReadStream(content);
        var reader = new TextLineReader(hashing, maxBytes, limitReason);

        var head = new List<string>();
        string? line;
        while (head.Count < HeadLines && (line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            head.Add(line);
        }

        if (reader.BytesRead == 0)
        {
            throw MolDashException.Invalid("The file is empty.", [new FieldError("/file", "The file is empty.")]);
        }

        var format = Choose(declaredFormat, head, fileName);
        var validator = format.CreateValidator();
        try
        {
            var number = 0;
            foreach (var headLine in head)
            {
                validator.Accept(headLine, ++number);
            }

            while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
            {
                validator.Accept(line, ++number);
            }

            validator.Complete();
        }
        catch (MalformedMoleculeException e)
        {
            throw MolDashException.Invalid($"The file is not valid {format.DisplayName}: {e.Located}", [new FieldError("/file", e.Located)]);
        }

        return new InspectedFile(format, hashing.HashHex(), reader.BytesRead);
    }

    private static IMoleculeFormat Choose(string? declaredFormat, IReadOnlyList<string> head, string fileName)
    {
        if (!string.IsNullOrWhiteSpace(declaredFormat))
        {
            return MoleculeFormats.Find(declaredFormat)
                ?? throw new MolDashException(ErrorKind.UnsupportedMediaType,
                    $"'{declaredFormat}' is not a supported format; supported formats: {MoleculeFormats.SupportedNames}.");
        }

        return MoleculeFormats.Detect(head, fileName)
            ?? throw new MolDashException(ErrorKind.UnsupportedMediaType,
                $"The format of '{fileName}' was not recognised; supported formats: {MoleculeFormats.SupportedNames} (name one with format=).");
    }
}
