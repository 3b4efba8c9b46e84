using System.Globalization;
using System.Text;
using MolDash.Docking.Validation;

namespace MolDash.Docking.Molecules;

/// <summary>
/// Reads a receptor PDB line by line: rejects truncated or empty files, keeps one alternate location
/// (Open Babel would keep every copy of a side chain), and drops waters, hetero groups and metals as asked.
/// </summary>
public static class PdbCleanup
{
    private static readonly HashSet<string> Waters = new(["HOH", "WAT", "H2O", "DOD", "TIP", "TIP3", "SOL"], StringComparer.Ordinal);

    private static readonly HashSet<string> Metals = new(
        ["LI", "NA", "K", "RB", "CS", "MG", "CA", "SR", "BA", "MN", "FE", "CO", "NI", "CU", "ZN", "CD", "HG", "PT", "AU", "AG", "AL", "GA", "MO", "W", "V", "CR"],
        StringComparer.Ordinal);

    public static PdbCleanupResult Clean(string text, string field, ReceptorCleanupOptions options)
    {
        var kept = new StringBuilder();
        var chains = new SortedSet<string>(StringComparer.Ordinal);
        var residues = new HashSet<string>(StringComparer.Ordinal);
        var waters = new HashSet<string>(StringComparer.Ordinal);
        var hetero = new SortedSet<string>(StringComparer.Ordinal);
        var metals = new SortedSet<string>(StringComparer.Ordinal);
        var alternateLocations = 0;
        var atomRecords = 0;
        var atoms = 0;
        var hydrogens = 0;
        var lineNumber = 0;

        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            var isAtom = line.StartsWith("ATOM", StringComparison.Ordinal);
            var isHetero = line.StartsWith("HETATM", StringComparison.Ordinal);
            if (!isAtom && !isHetero)
            {
                if (line.StartsWith("TER", StringComparison.Ordinal))
                {
                    kept.Append(line).Append('\n');
                }

                continue;
            }

            atomRecords++;
            if (line.Length < 54 || !HasCoordinates(line))
            {
                throw new InputException(field, $"line {lineNumber} is truncated or malformed: an {line[..Math.Min(6, line.Length)].Trim()} record needs x, y, z in columns 31-54.");
            }

            var altLoc = line[16];
            if (altLoc is not ' ' and not 'A' and not '1')
            {
                alternateLocations++;
                continue;
            }

            var residueName = line.Substring(17, 3).Trim();
            var chain = line[21].ToString();
            var residueKey = string.Concat(chain, ":", line.AsSpan(22, Math.Min(5, line.Length - 22)));
            var element = ElementOf(line);
            if (Waters.Contains(residueName))
            {
                if (options.RemoveWaters)
                {
                    waters.Add(residueKey);
                    continue;
                }
            }
            else if (isHetero && Metals.Contains(element))
            {
                if (!options.KeepMetals)
                {
                    metals.Add(residueName);
                    continue;
                }
            }
            else if (isHetero && options.RemoveHetero)
            {
                hetero.Add(residueName);
                continue;
            }

            // Alternate location 'A' becomes the only location once the others are gone.
            kept.Append(line.AsSpan(0, 16)).Append(' ').Append(line.AsSpan(17)).Append('\n');
            chains.Add(chain == " " ? "_" : chain);
            residues.Add(residueKey);
            atoms++;
            if (element == "H")
            {
                hydrogens++;
            }
        }

        if (atomRecords == 0)
        {
            throw new InputException(field, "contains no ATOM or HETATM records: it is empty or not a PDB file.");
        }

        if (atoms == 0)
        {
            throw new InputException(field, "no atoms remain after removing waters, hetero groups and metals.");
        }

        kept.Append("END\n");
        return new PdbCleanupResult(
            kept.ToString(), [.. chains], residues.Count, hydrogens > 0,
            new RemovedGroups(waters.Count, [.. hetero], [.. metals], alternateLocations));
    }

    private static bool HasCoordinates(string line) =>
        double.TryParse(line.AsSpan(30, 8), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        && double.TryParse(line.AsSpan(38, 8), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
        && double.TryParse(line.AsSpan(46, 8), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string ElementOf(string line)
    {
        if (line.Length >= 78 && line.Substring(76, 2).Trim() is { Length: > 0 } element)
        {
            return element.ToUpperInvariant();
        }

        // No element column: the first letter of the atom name (H of "HG1", not mercury).
        var name = line.Substring(12, 4).Trim().TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        return name.Length == 0 ? "" : name[..1].ToUpperInvariant();
    }
}
