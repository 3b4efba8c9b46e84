using System.Diagnostics;
using System.Globalization;

namespace MolDash.Testing;

/// <summary>
/// A PostgreSQL server of its own (a throwaway cluster on a free port, beside the one `./moldash test` started),
/// for tests that stop and start their database server as an operator or a crash would: stopping it touches
/// no other test's database, whatever runs meanwhile in this or another test process.
/// </summary>
public sealed class TestPostgresServer : IAsyncDisposable
{
    private readonly string dataDirectory;
    private readonly int port;

    private TestPostgresServer(string dataDirectory, int port)
    {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /// <summary>A superuser connection string without a database name, as TestEnvironment.PostgresServer.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username=postgres");

    public static async Task<TestPostgresServer> StartAsync()
    {
        var data = Path.Combine(TestEnvironment.WorkDirectory, $"postgres-{Guid.NewGuid():N}");
        Directory.CreateDirectory(data);
        // PostgreSQL refuses to run as root; the cluster belongs to `postgres`, as `./moldash test` makes its own.
        await RunAsync("chown", "postgres:postgres", data);
        await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(BinDirectory(), "initdb"), "-D", data, "-U", "postgres", "-E", "UTF8", "--auth=trust");
        var server = new TestPostgresServer(data, FreePort.Next());
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Stops the server at once (fast shutdown: open connections are cut, as a restart or failover cuts them).</summary>
    public Task StopAsync() => PgCtlAsync("-D", dataDirectory, "-m", "fast", "-w", "stop");

    public Task StartAgainAsync() => PgCtlAsync(
        "-D", dataDirectory,
        "-o", string.Create(CultureInfo.InvariantCulture, $"-k {dataDirectory} -c listen_addresses=127.0.0.1 -p {port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"),
        "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60", "start");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            await StopAsync();
        }

        Directory.Delete(dataDirectory, recursive: true);
    }

    private static Task PgCtlAsync(params string[] arguments) =>
        RunAsync(["runuser", "-u", "postgres", "--", Path.Combine(BinDirectory(), "pg_ctl"), .. arguments]);

    private static async Task RunAsync(params string[] command)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command[1..])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed ({process.ExitCode}): {await output}{await errors}");
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
