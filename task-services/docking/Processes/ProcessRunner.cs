using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using MolDash.Docking.Hosting;
using MolDash.Docking.Telemetry;

namespace MolDash.Docking.Processes;

/// <summary>Runs an engine as a child process; cancellation or timeout kills its whole process tree.</summary>
public sealed class ProcessRunner(IOptions<DockingOptions> options, DockingMetrics metrics)
{
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(options.Value.ToolTimeoutSeconds);

    public async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        var clock = Stopwatch.StartNew();
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ToolFailedException(Path.GetFileName(fileName), "the program could not be started", e.Message);
        }

        using var running = metrics.TrackProcess();
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // Kill before the caller deletes the scratch folder the process is writing into.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ToolFailedException(Path.GetFileName(fileName), $"no answer within {_timeout.TotalSeconds:F0} s", "timeout");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }
}
