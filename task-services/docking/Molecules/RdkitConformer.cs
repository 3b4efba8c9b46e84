using Microsoft.Extensions.Options;
using MolDash.Docking.Hosting;
using MolDash.Docking.Processes;

namespace MolDash.Docking.Molecules;

/// <summary>ETKDG conformers through Debian's /usr/bin/python3 and RDKit (see etkdg_conformer.py for why).</summary>
public sealed class RdkitConformer(ProcessRunner runner, IOptions<DockingOptions> options)
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Molecules", "etkdg_conformer.py");

    /// <summary>Writes the conformer to <paramref name="outputSdf"/>; false when RDKit could not read or embed the SMILES.</summary>
    public async Task<bool> TryGenerateAsync(string smilesFile, string outputSdf, int seed, string workingDirectory, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(
            options.Value.PythonPath, [Script, smilesFile, outputSdf, seed.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            workingDirectory, cancellationToken);
        return result.ExitCode switch
        {
            0 => true,
            3 or 4 => false,
            _ => throw new ToolFailedException("rdkit", $"exit code {result.ExitCode}", result.StandardError),
        };
    }

    public async Task<string> VersionAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(
            options.Value.PythonPath, ["-c", "import rdkit; print(rdkit.__version__)"], workingDirectory, cancellationToken);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : "unavailable";
    }
}
