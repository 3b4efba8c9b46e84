using System.Globalization;

namespace MolDash.Browser.Tests.Infrastructure;

/// <summary>Reads the atoms of an SDF (MDL molfile, V2000 or V3000) record, to check what a downloaded file holds.</summary>
public static class SdfAtoms
{
    /// <summary>The first record's heavy atoms as a formula in element order ("C10 N2"); hydrogens are left out, as docking adds or drops them.</summary>
    public static string HeavyElements(string sdf)
    {
        var elements = Elements(sdf.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));
        Assert.NotEmpty(elements);
        return string.Join(' ', elements.Where(e => e != "H").GroupBy(e => e).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}{g.Count()}"));
    }

    private static List<string> Elements(string[] lines)
    {
        Assert.True(lines.Length > 4, "not a molfile: fewer than 5 lines");
        var counts = lines[3];
        if (counts.Contains("V3000", StringComparison.Ordinal))
        {
            return lines.SkipWhile(l => !l.StartsWith("M  V30 BEGIN ATOM", StringComparison.Ordinal)).Skip(1)
                .TakeWhile(l => !l.StartsWith("M  V30 END ATOM", StringComparison.Ordinal))
                .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]).ToList();
        }

        // V2000, which older writers leave unsaid on the counts line.
        var atoms = int.Parse(counts[..3], NumberStyles.Integer, CultureInfo.InvariantCulture);
        return lines.Skip(4).Take(atoms).Select(l => l.Substring(31, 3).Trim()).ToList();
    }
}
