namespace MolDash.Grains.TaskServices;

/// <summary>For a direct invocation, whose caller only wants the result.</summary>
public sealed class SilentRunReporter : IRunReporter
{
    public static SilentRunReporter Instance { get; } = new();

    public Task StartedAsync(int attempt, Uri instance) => Task.CompletedTask;

    public Task AttemptFailedAsync(int attempt, string reason) => Task.CompletedTask;
}
