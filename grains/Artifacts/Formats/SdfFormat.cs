using System.Text.RegularExpressions;

namespace MolDash.Grains.Artifacts.Formats;

/// <summary>
/// MDL molfiles and SD files (V2000 and V3000): each record is a three-line header, a counts line, exactly
/// the atoms and bonds it announces, properties up to <c>M  END</c>, then data items up to <c>$$$$</c>.
/// </summary>
public sealed partial class SdfFormat : IMoleculeFormat
{
    public string Name => "sdf";
    public string DisplayName => "SDF";
    public string ContentType => "chemical/x-mdl-sdfile";
    public IReadOnlyList<string> Extensions { get; } = [".sdf", ".sd", ".mol"];

    public bool Recognizes(IReadOnlyList<string> head) =>
        head.Count > 4 && (head[3].Contains("V2000", StringComparison.Ordinal) || head[3].Contains("V3000", StringComparison.Ordinal)
            || (CountsPattern().IsMatch(head[3]) && IsAtomLine(head[4])));

    public ILineValidator CreateValidator() => new SdfValidator();

    /// <summary>x, y, z in 10-column fields, then an atom symbol.</summary>
    internal static bool IsAtomLine(string line) =>
        line.Length >= 34 && Columns.IsNumber(Columns.Field(line, 0, 10)) && Columns.IsNumber(Columns.Field(line, 10, 10))
        && Columns.IsNumber(Columns.Field(line, 20, 10)) && AtomSymbol().IsMatch(Columns.Field(line, 31, 3));

    [GeneratedRegex(@"^[ \d]{2}\d[ \d]{2}\d")]
    internal static partial Regex CountsPattern();

    [GeneratedRegex(@"^([A-Z][a-z]?|\*|R#|[LAQ])$")]
    private static partial Regex AtomSymbol();
}
