using System.Globalization;

namespace MolDash.Grains.Artifacts.Formats;

/// <summary>Reading fixed-column and whitespace-separated fields the way molecule formats lay them out.</summary>
internal static class Columns
{
    public static string Field(string line, int start, int length) =>
        start >= line.Length ? "" : line.Substring(start, Math.Min(length, line.Length - start)).Trim();

    public static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value);

    public static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    public static string[] Tokens(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A short quote of a line for an error message.</summary>
    public static string Excerpt(string line) => line.Length <= 40 ? line.TrimEnd() : line[..40].TrimEnd() + "…";
}
