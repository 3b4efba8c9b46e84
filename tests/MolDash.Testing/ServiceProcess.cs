using System.Collections.Concurrent;
using System.Diagnostics;

namespace MolDash.Testing;

/// <summary>
/// One MolDash process (silo or API) started from its built assembly, as `./moldash up` starts it.
/// Its output is kept so a failure to start can say why.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ServiceProcess(string name, Process process, Uri baseAddress)
    {
        Name = name;
        this.process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    public string Output => string.Join('\n', output);

    public static async Task<ServiceProcess> StartAsync(
        string name, string assembly, IReadOnlyDictionary<string, string> environment, TimeSpan readyWithin)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        info.ArgumentList.Add(assembly);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var started = new ServiceProcess(name, Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
        await started.WaitUntilReadyAsync(readyWithin);
        return started;
    }

    /// <summary>Asks the process to shut down (SIGTERM) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Kills the process without warning (SIGKILL), as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        var ready = new Uri(BaseAddress, "/readyz");
        while (deadline.Elapsed < within)
        {
            if (process.HasExited)
            {
                // HasExited can be seen before the output readers reach the end of the streams; waiting for
                // the exit again waits for them, so the error carries the process's last words.
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var response = await Probe.GetAsync(ready);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer while it starts.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"{Name} was not ready within {within.TotalSeconds} s:\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 400)
        {
            output.TryDequeue(out _);
        }
    }
}
