using System.Globalization;
using System.Text.RegularExpressions;

namespace MolDash.Docking.Molecules;

/// <summary>Reads the atoms and torsion count of PDBQT text (receptor or ligand).</summary>
public static partial class PdbqtText
{
    public static IReadOnlyList<Atom> Atoms(string text)
    {
        var atoms = new List<Atom>();
        foreach (var line in text.Split('\n'))
        {
            if ((line.StartsWith("ATOM", StringComparison.Ordinal) || line.StartsWith("HETATM", StringComparison.Ordinal))
                && line.Length >= 54
                && double.TryParse(line.AsSpan(30, 8), CultureInfo.InvariantCulture, out var x)
                && double.TryParse(line.AsSpan(38, 8), CultureInfo.InvariantCulture, out var y)
                && double.TryParse(line.AsSpan(46, 8), CultureInfo.InvariantCulture, out var z))
            {
                // A PDBQT atom carries its partial charge in columns 71-76 and its AutoDock type after it; a PDB has neither.
                var typed = line.Length >= 78 && double.TryParse(line.AsSpan(70, 6), CultureInfo.InvariantCulture, out _);
                var type = typed ? line[77..].Trim() : "";
                atoms.Add(new Atom(type, x, y, z));
            }
        }

        return atoms;
    }

    /// <summary>Active torsions (Vina's rotatable bonds), from TORSDOF; 0 for a rigid molecule.</summary>
    public static int Torsions(string text)
    {
        var match = TorsdofLine().Match(text);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    public static bool IsLigand(string text) => text.Contains("ROOT", StringComparison.Ordinal) && TorsdofLine().IsMatch(text);

    [GeneratedRegex(@"^TORSDOF\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex TorsdofLine();
}
