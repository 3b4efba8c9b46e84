using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MolDash.Docking.Hosting;
using MolDash.Docking.Processes;
using MolDash.Docking.Telemetry;
using MolDash.Docking.Validation;

namespace MolDash.Docking.Docking;

/// <summary>
/// Calls <c>vina</c>. Vina exits 0 for several bad inputs (empty receptor, box without protein), so the
/// inputs are checked before and the output file after.
/// </summary>
public sealed partial class Vina(ProcessRunner runner, DockingMetrics metrics, IOptions<DockingOptions> options)
{
    private readonly string _path = options.Value.VinaPath;

    public async Task<VinaRun> DockAsync(
        string receptor, string ligand, SearchBox box, VinaParameters parameters, string ligandField, string workingDirectory, CancellationToken cancellationToken)
    {
        var output = Path.Combine(workingDirectory, "poses.pdbqt");
        var result = await runner.RunAsync(_path, VinaCommandLine.Arguments(receptor, ligand, output, box, parameters), workingDirectory, cancellationToken);
        metrics.VinaFinished(result.Elapsed);
        if (result.ExitCode != 0)
        {
            if (AtomTypeError().IsMatch(result.StandardError + result.StandardOutput))
            {
                throw new InputException(ligandField, "contains an atom type Vina cannot score with this scoring function.");
            }

            throw new ToolFailedException("vina", $"exit code {result.ExitCode}", result.StandardError);
        }

        var poses = File.Exists(output) ? VinaOutput.Poses(await File.ReadAllTextAsync(output, cancellationToken)) : [];
        return poses.Count > 0 ? new VinaRun(poses, result.Elapsed) : throw new ToolFailedException("vina", "no poses were written", result.StandardOutput + result.StandardError);
    }

    public async Task<string> VersionAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(_path, ["--version"], workingDirectory, cancellationToken);
        var match = VersionLine().Match(result.StandardOutput);
        return result.ExitCode == 0 && match.Success
            ? match.Groups[1].Value
            : throw new ToolFailedException("vina", $"version query exit code {result.ExitCode}", result.StandardError);
    }

    [GeneratedRegex(@"atom type", RegexOptions.IgnoreCase)]
    private static partial Regex AtomTypeError();

    [GeneratedRegex(@"AutoDock Vina v?(\d+\.\d+\.\d+)")]
    private static partial Regex VersionLine();
}
