namespace MolDash.GrainInterfaces.TaskServices;

/// <summary>The order in which queued runs get a task service instance.</summary>
[GenerateSerializer, Alias("MolDash.RunPriority")]
public enum RunPriority
{
    High = 0,
    Normal = 1,
    Low = 2,
}
