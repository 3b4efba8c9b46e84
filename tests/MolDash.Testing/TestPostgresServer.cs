using System.Diagnostics;

namespace MolDash.Testing;

/// <summary>
/// The throwaway PostgreSQL server `./moldash test` started (its data directory is in MOLDASH_TEST_WORK),
/// stopped and started again as an operator or a crash would. Every test's database is on it: only tests
/// that run alone (a collection with parallelization disabled) may stop it.
/// </summary>
public static class TestPostgresServer
{
    private static string DataDirectory => Path.Combine(TestEnvironment.WorkDirectory, "postgres");

    /// <summary>Stops the server at once (fast shutdown: open connections are cut, as a restart or failover cuts them).</summary>
    public static async Task StopAsync()
    {
        // The command line it was started with, to start it again the same way (port, socket directory, settings).
        var options = await File.ReadAllTextAsync(Path.Combine(DataDirectory, "postmaster.opts"));
        await File.WriteAllTextAsync(StartOptionsFile, options);
        await PgCtlAsync("-D", DataDirectory, "-m", "fast", "-w", "stop");
    }

    public static async Task StartAsync()
    {
        // postmaster.opts is the postgres binary followed by its quoted arguments; pg_ctl -o takes the arguments.
        var options = (await File.ReadAllTextAsync(StartOptionsFile)).Trim();
        var arguments = options[(options.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        await PgCtlAsync("-D", DataDirectory, "-o", arguments, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "60", "start");
    }

    private static string StartOptionsFile => Path.Combine(TestEnvironment.WorkDirectory, "postgres.start-options");

    private static async Task PgCtlAsync(params string[] arguments)
    {
        // The cluster belongs to the postgres user, which `./moldash test` runs it as.
        var info = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-u", "postgres", "--", Path.Combine(BinDirectory(), "pg_ctl"), .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    /// <summary>The newest installed PostgreSQL's binaries, as `./moldash` chooses them.</summary>
    private static string BinDirectory() =>
        Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "pg_ctl")))
            .MaxBy(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            ?? throw new InvalidOperationException("PostgreSQL is not installed under /usr/lib/postgresql.");
}
