namespace MolDash.Grains.TaskServices;

/// <summary>One running copy of a task service, as the task-service grain tracks it.</summary>
public sealed class ServiceInstance(Uri address)
{
    public Uri Address { get; } = address;

    /// <summary>New instances take runs until a probe says otherwise.</summary>
    public bool Healthy { get; set; } = true;

    public DateTimeOffset? LastCheck { get; set; }

    public string? LastError { get; set; }

    public int Outstanding { get; set; }

    public long Errors { get; set; }

    /// <summary>Frees the slot a run held; <paramref name="error"/> is why it failed, if it did.</summary>
    public void EndRun(string? error)
    {
        Outstanding = Math.Max(0, Outstanding - 1);
        if (error is not null)
        {
            Errors++;
            LastError = error;
        }
    }
}
