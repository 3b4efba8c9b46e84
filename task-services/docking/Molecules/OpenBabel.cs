using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MolDash.Docking.Hosting;
using MolDash.Docking.Processes;

namespace MolDash.Docking.Molecules;

/// <summary>
/// Calls <c>obabel</c>. It exits 0 even when it read nothing, so every call checks the
/// "N molecules converted" line and the caller checks what was written.
/// </summary>
public sealed partial class OpenBabel(ProcessRunner runner, IOptions<DockingOptions> options)
{
    private readonly string _path = options.Value.ObabelPath;

    /// <summary>Converts <paramref name="input"/> and returns how many molecules were written and the messages.</summary>
    public async Task<OpenBabelResult> ConvertAsync(
        string input, string inputFormat, string output, string outputFormat, IEnumerable<string> options, string workingDirectory, CancellationToken cancellationToken)
    {
        string[] arguments = ["-i" + MoleculeFormats.OpenBabelCode(inputFormat), input, "-o" + outputFormat, "-O", output, .. options];
        var result = await runner.RunAsync(_path, arguments, workingDirectory, cancellationToken);
        var match = ConvertedLine().Match(result.StandardError);
        if (result.ExitCode != 0 || !match.Success)
        {
            throw new ToolFailedException("obabel", $"exit code {result.ExitCode}", result.StandardError);
        }

        var count = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return new OpenBabelResult(count, result.StandardError);
    }

    public async Task<string> VersionAsync(string workingDirectory, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(_path, ["-V"], workingDirectory, cancellationToken);
        var match = VersionLine().Match(result.StandardOutput);
        return result.ExitCode == 0 && match.Success
            ? match.Groups[1].Value
            : throw new ToolFailedException("obabel", $"version query exit code {result.ExitCode}", result.StandardError);
    }

    [GeneratedRegex(@"(\d+) molecules? converted")]
    private static partial Regex ConvertedLine();

    [GeneratedRegex(@"Open Babel (\d+\.\d+\.\d+)")]
    private static partial Regex VersionLine();
}
