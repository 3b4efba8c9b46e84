namespace MolDash.Grains.TaskServices;

/// <summary>Who hears how a run goes while it goes: the dispatching job, or nobody for a direct invocation.</summary>
public interface IRunReporter
{
    Task StartedAsync(int attempt, Uri instance);

    Task AttemptFailedAsync(int attempt, string reason);
}
