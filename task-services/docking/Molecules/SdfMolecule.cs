using System.Globalization;
using System.Text;

namespace MolDash.Docking.Molecules;

/// <summary>What the service reads back from a V2000 molfile it had Open Babel or RDKit write.</summary>
public sealed record SdfMolecule(IReadOnlyList<Atom> Atoms, int FormalCharge)
{
    private static readonly string[] HillOrderFirst = ["C", "H"];

    public int HeavyAtoms => Atoms.Count(a => a.Element != "H");

    public bool IsFlat => Atoms.All(a => Math.Abs(a.Z) < 1e-4);

    /// <summary>Hill formula with the charge appended, e.g. C10H15N2+.</summary>
    public string Formula
    {
        get
        {
            var counts = Atoms.GroupBy(a => a.Element).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var order = counts.ContainsKey("C")
                ? HillOrderFirst.Where(counts.ContainsKey).Concat(counts.Keys.Except(HillOrderFirst).Order(StringComparer.Ordinal))
                : counts.Keys.Order(StringComparer.Ordinal);
            var text = new StringBuilder();
            foreach (var element in order)
            {
                text.Append(element);
                if (counts[element] > 1)
                {
                    text.Append(counts[element].ToString(CultureInfo.InvariantCulture));
                }
            }

            return FormalCharge switch
            {
                0 => text.ToString(),
                1 => text + "+",
                -1 => text + "-",
                > 0 => text + "+" + FormalCharge.ToString(CultureInfo.InvariantCulture),
                _ => text + "-" + (-FormalCharge).ToString(CultureInfo.InvariantCulture),
            };
        }
    }

    /// <summary>Reads the first record; returns null when the text holds no readable molfile.</summary>
    public static SdfMolecule? ReadFirst(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 4 || lines[3].Length < 6
            || !int.TryParse(lines[3].AsSpan(0, 3), CultureInfo.InvariantCulture, out var atomCount)
            || !int.TryParse(lines[3].AsSpan(3, 3), CultureInfo.InvariantCulture, out var bondCount)
            || lines.Length < 4 + atomCount + bondCount)
        {
            return null;
        }

        var atoms = new List<Atom>(atomCount);
        var blockCharge = 0;
        for (var i = 0; i < atomCount; i++)
        {
            var line = lines[4 + i];
            if (line.Length < 34)
            {
                return null;
            }

            atoms.Add(new Atom(
                line.Substring(31, 3).Trim(),
                double.Parse(line.AsSpan(0, 10), CultureInfo.InvariantCulture),
                double.Parse(line.AsSpan(10, 10), CultureInfo.InvariantCulture),
                double.Parse(line.AsSpan(20, 10), CultureInfo.InvariantCulture)));
            if (line.Length >= 39 && int.TryParse(line.AsSpan(36, 3), CultureInfo.InvariantCulture, out var code) && code is > 0 and < 8 and not 4)
            {
                blockCharge += 4 - code;
            }
        }

        var chargeLines = lines.Skip(4 + atomCount + bondCount).TakeWhile(l => !l.StartsWith("M  END", StringComparison.Ordinal))
            .Where(l => l.StartsWith("M  CHG", StringComparison.Ordinal)).ToList();
        var charge = chargeLines.Count == 0 ? blockCharge : chargeLines.Sum(ChargeOf);
        return new SdfMolecule(atoms, charge);
    }

    /// <summary>Splits a multi-record SDF into its records (each ending with $$$$).</summary>
    public static IReadOnlyList<string> SplitRecords(string text) =>
        [.. text.Split("$$$$", StringSplitOptions.None)
            .Select(r => r.TrimStart('\r', '\n'))
            .Where(r => r.Trim().Length > 0)
            .Select(r => r.TrimEnd() + "\n$$$$\n")];

    private static int ChargeOf(string line)
    {
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sum = 0;
        for (var i = 4; i < fields.Length; i += 2)
        {
            sum += int.Parse(fields[i], CultureInfo.InvariantCulture);
        }

        return sum;
    }
}
