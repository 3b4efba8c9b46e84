using System.Text;
using MolDash.GrainInterfaces.Artifacts;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Artifacts;

/// <summary>
/// File names as people give them, made safe to show and to store: the last path segment only, no control
/// or odd characters, no leading dots, a bounded length that keeps the extension. Blob names never come from
/// them (artifacts are stored by checksum), so a name cannot point anywhere.
/// </summary>
public static class ArtifactNames
{
    private const string Allowed = "._-+()@ ";

    public static string Sanitize(string? fileName)
    {
        var name = fileName ?? "";
        var cut = name.LastIndexOfAny(['/', '\\']);
        name = cut >= 0 ? name[(cut + 1)..] : name;

        var safe = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            safe.Append(char.IsLetterOrDigit(c) || Allowed.Contains(c, StringComparison.Ordinal) ? c : '_');
        }

        var result = safe.ToString().Trim().TrimStart('.').Trim();
        while (result.Contains("..", StringComparison.Ordinal))
        {
            result = result.Replace("..", ".", StringComparison.Ordinal);
        }

        if (result.Length > ArtifactLimits.MaxFileNameLength)
        {
            var extension = Path.GetExtension(result);
            extension = extension.Length <= 16 ? extension : "";
            result = result[..(ArtifactLimits.MaxFileNameLength - extension.Length)] + extension;
        }

        return result.Length > 0
            ? result
            : throw MolDashException.Invalid("A file name is required.",
                [new FieldError("/fileName", $"Give the file a name (up to {ArtifactLimits.MaxFileNameLength} characters; path parts are dropped).")]);
    }
}
