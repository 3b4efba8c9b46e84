using System.Text;

namespace MolDash.Docking.Validation;

/// <summary>Checks shared by every molecule-file field: present, within the size limit, a known format.</summary>
public static class FileField
{
    public static void Check(InputErrors errors, string field, string? content, int maxBytes)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            errors.Add(field, "is required and must not be empty.");
        }
        else if (Encoding.UTF8.GetByteCount(content) > maxBytes)
        {
            errors.Add(field, $"is larger than the limit of {maxBytes} bytes.");
        }
    }

    public static void CheckFormat(InputErrors errors, string field, string? format, IReadOnlyCollection<string> accepted)
    {
        if (format is null || !accepted.Contains(format))
        {
            errors.Add(field, $"'{format}' is not a supported format here; use one of: {string.Join(", ", accepted)}.");
        }
    }
}
