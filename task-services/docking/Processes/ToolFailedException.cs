namespace MolDash.Docking.Processes;

/// <summary>
/// An engine failed in a way the input does not explain. The diagnostic (stderr) is kept for the log
/// only: the HTTP answer never carries it.
/// </summary>
public sealed class ToolFailedException(string tool, string reason, string diagnostic) : Exception($"{tool} failed: {reason}")
{
    public string Tool { get; } = tool;

    public string Reason { get; } = reason;

    public string Diagnostic { get; } = diagnostic;
}
