namespace MolDash.Grains.TaskServices;

/// <summary>One attempt's result. A transient failure (5xx, 429, timeout, refused, malformed answer) may succeed elsewhere.</summary>
public sealed record RunOutcome(bool Succeeded, bool Transient, string? Output, string? Error)
{
    public static RunOutcome Success(string output) => new(true, false, output, null);

    public static RunOutcome Retryable(string error) => new(false, true, null, error);

    public static RunOutcome Final(string error) => new(false, false, null, error);
}
