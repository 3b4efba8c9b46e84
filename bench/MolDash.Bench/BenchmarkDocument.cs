using System.Globalization;
using System.Runtime.InteropServices;

namespace MolDash.Bench;

/// <summary>
/// docs/benchmarks.md: one section per suite between HTML comment markers, so running one suite
/// rewrites only its own figures.
/// </summary>
public static class BenchmarkDocument
{
    public static void WriteSection(string path, string suite, BenchmarkReport report, string command, TimeProvider time)
    {
        var begin = $"<!-- bench:{suite}:begin -->";
        var end = $"<!-- bench:{suite}:end -->";
        var section = string.Join('\n',
            begin,
            $"## {report.Title}",
            "",
            string.Create(CultureInfo.InvariantCulture,
                $"Measured {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, {MachineMemoryGiB():F0} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}."),
            $"Command: `{command}`",
            "",
            report.MarkdownBody.TrimEnd(),
            end);

        var document = File.Exists(path) ? File.ReadAllText(path) : "# MolDash benchmarks\n";
        var start = document.IndexOf(begin, StringComparison.Ordinal);
        var stop = document.IndexOf(end, StringComparison.Ordinal);
        document = start >= 0 && stop > start
            ? string.Concat(document.AsSpan(0, start), section, document.AsSpan(stop + end.Length))
            : document.TrimEnd() + "\n\n" + section + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, document);
    }

    private static double MachineMemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
}
