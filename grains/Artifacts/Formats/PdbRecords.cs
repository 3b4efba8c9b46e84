using System.Text.RegularExpressions;

namespace MolDash.Grains.Artifacts.Formats;

/// <summary>What PDB and PDBQT share: record names and the fixed coordinate columns of ATOM/HETATM lines.</summary>
internal static partial class PdbRecords
{
    public static bool IsAtom(string line) =>
        line.StartsWith("ATOM", StringComparison.Ordinal) || line.StartsWith("HETATM", StringComparison.Ordinal);

    /// <summary>The record name: ATOM/HETATM by prefix (serials may run into it), otherwise the first word.</summary>
    public static string Name(string line)
    {
        if (line.StartsWith("HETATM", StringComparison.Ordinal))
        {
            return "HETATM";
        }

        if (line.StartsWith("ATOM", StringComparison.Ordinal))
        {
            return "ATOM";
        }

        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? line : line[..space];
    }

    /// <summary>Throws unless the line is a record with a well-formed name (blank lines are allowed).</summary>
    public static void RequireRecord(string line, int number, string format)
    {
        if (line.Length > 0 && !RecordName().IsMatch(Name(line)))
        {
            throw new MalformedMoleculeException(number,
                $"'{Columns.Excerpt(line)}' is not a {format} record (records start with an upper-case name such as ATOM, HETATM or REMARK).");
        }
    }

    /// <summary>Throws unless x, y and z in columns 31-54 are numbers.</summary>
    public static void RequireCoordinates(string line, int number)
    {
        if (line.Length < 54 || !Columns.IsNumber(Columns.Field(line, 30, 8))
            || !Columns.IsNumber(Columns.Field(line, 38, 8)) || !Columns.IsNumber(Columns.Field(line, 46, 8)))
        {
            throw new MalformedMoleculeException(number,
                $"the {Name(line)} record has no x, y, z coordinates in columns 31-54: '{Columns.Excerpt(line)}'.");
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]{0,9}$")]
    private static partial Regex RecordName();
}
