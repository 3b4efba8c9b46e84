using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MolDash.Docking.Docking;

/// <summary>Reads the MODEL blocks of Vina's --out file.</summary>
public static partial class VinaOutput
{
    public static IReadOnlyList<VinaPose> Poses(string text)
    {
        var poses = new List<VinaPose>();
        StringBuilder? model = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("MODEL", StringComparison.Ordinal))
            {
                model = new StringBuilder();
                continue;
            }

            if (line.StartsWith("ENDMDL", StringComparison.Ordinal) && model is not null)
            {
                var block = model.ToString();
                var result = ResultLine().Match(block);
                if (result.Success)
                {
                    poses.Add(new VinaPose(
                        poses.Count + 1, Number(result.Groups[1]), Number(result.Groups[2]), Number(result.Groups[3]), block));
                }

                model = null;
                continue;
            }

            model?.Append(line).Append('\n');
        }

        return poses;
    }

    private static double Number(Group group) => double.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"REMARK VINA RESULT:\s+(\S+)\s+(\S+)\s+(\S+)")]
    private static partial Regex ResultLine();
}
