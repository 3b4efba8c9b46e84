using System.Text.RegularExpressions;

namespace MolDash.Docking.Molecules;

public sealed partial record OpenBabelResult(int Converted, string Messages)
{
    /// <summary>Open Babel's one-line explanation of a parse failure (e.g. "1 unmatched ring bonds."), if it gave one.</summary>
    public string? ParseProblem()
    {
        var match = ProblemLine().Match(Messages);
        return match.Success ? match.Groups[1].Value.Trim().TrimEnd('.') : null;
    }

    [GeneratedRegex(@"\*\*\* Open Babel (?:Error|Warning)\s+in \w+\s*\n\s*(.+)")]
    private static partial Regex ProblemLine();
}
