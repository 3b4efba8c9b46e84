using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MolDash.Docking.Tests.Infrastructure;

/// <summary>Heavy-atom, symmetry-aware RMSD by Open Babel's obrms.</summary>
public static partial class ObRms
{
    public static async Task<double> RmsdAsync(string referenceFile, string poseSdf)
    {
        var pose = Path.Combine(Path.GetTempPath(), $"moldash-pose-{Guid.NewGuid():N}.sdf");
        await File.WriteAllTextAsync(pose, poseSdf);
        try
        {
            var start = new ProcessStartInfo("obrms") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(referenceFile);
            start.ArgumentList.Add(pose);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var match = RmsdLine().Match(output);
            Assert.True(match.Success, $"obrms printed no RMSD: {output}");
            return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(pose);
        }
    }

    [GeneratedRegex(@"RMSD \S+ ([0-9.]+)")]
    private static partial Regex RmsdLine();
}
