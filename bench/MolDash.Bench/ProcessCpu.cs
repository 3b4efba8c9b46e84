using System.Globalization;

namespace MolDash.Bench;

/// <summary>
/// CPU seconds spent by each part of the stack under test: the processes this harness started (silo, API,
/// task services, each named by its assembly) and the throwaway PostgreSQL and Azurite with everything they
/// forked. Read from /proc, so it shows where a 2-core machine's time went during a measured phase.
/// </summary>
public sealed class ProcessCpu
{
    private static readonly double TicksPerSecond = 100;
    private readonly Dictionary<string, double> seconds;

    private ProcessCpu(Dictionary<string, double> seconds) => this.seconds = seconds;

    public static ProcessCpu Snapshot()
    {
        var processes = ReadProcesses();
        var roots = new Dictionary<int, string> { [Environment.ProcessId] = "load generator" };
        if (Environment.GetEnvironmentVariable("MOLDASH_TEST_WORK") is { } work)
        {
            AddRoot(roots, Path.Combine(work, "postgres", "postmaster.pid"), "PostgreSQL");
            AddRoot(roots, Path.Combine(work, "azurite.pid"), "Azurite");
        }

        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var process in processes.Values)
        {
            if (LabelOf(process, processes, roots) is { } label)
            {
                totals[label] = totals.GetValueOrDefault(label) + process.Ticks / TicksPerSecond;
            }
        }

        return new ProcessCpu(totals);
    }

    /// <summary>A table of CPU seconds per part between <paramref name="before"/> and this snapshot.</summary>
    public string FormatSince(ProcessCpu before, TimeSpan elapsed)
    {
        var lines = new List<string> { "| part | CPU seconds | share of 2 cores |", "|---|---|---|" };
        foreach (var (label, total) in seconds.OrderByDescending(pair => pair.Value - before.seconds.GetValueOrDefault(pair.Key)))
        {
            var used = total - before.seconds.GetValueOrDefault(label);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"| {label} | {used:F1} | {used / (2 * elapsed.TotalSeconds):P0} |"));
        }

        return string.Join('\n', lines);
    }

    private static void AddRoot(Dictionary<int, string> roots, string pidFile, string label)
    {
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First().Trim(), out var pid))
        {
            roots[pid] = label;
        }
    }

    private static string? LabelOf(ProcessInfo process, Dictionary<int, ProcessInfo> all, Dictionary<int, string> roots)
    {
        var current = process;
        while (true)
        {
            if (roots.TryGetValue(current.Pid, out var root))
            {
                // The harness's own children are the services it started: name them by what they run.
                return current == process || root != "load generator" ? root : process.Name;
            }

            if (!all.TryGetValue(current.ParentPid, out var parent))
            {
                return null;
            }

            current = parent;
        }
    }

    private static Dictionary<int, ProcessInfo> ReadProcesses()
    {
        var result = new Dictionary<int, ProcessInfo>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // Fields after the parenthesised command name: state ppid ... utime(14) stime(15) cutime(16) cstime(17).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
                var command = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                var name = command.FirstOrDefault(part => part.EndsWith(".dll", StringComparison.Ordinal)) is { } dll
                    ? Path.GetFileNameWithoutExtension(dll)
                    : Path.GetFileName(command.FirstOrDefault() ?? pid.ToString(CultureInfo.InvariantCulture));
                result[pid] = new ProcessInfo(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), name, ticks);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return result;
    }

    private sealed record ProcessInfo(int Pid, int ParentPid, string Name, long Ticks);
}
