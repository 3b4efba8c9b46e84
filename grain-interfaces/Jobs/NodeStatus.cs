namespace MolDash.GrainInterfaces.Jobs;

/// <summary>Where one node of a job's graph stands.</summary>
[GenerateSerializer, Alias("MolDash.NodeStatus")]
public enum NodeStatus
{
    /// <summary>Waiting for the nodes it takes input from.</summary>
    Pending = 0,
    /// <summary>Handed to its task service, waiting there for an instance.</summary>
    Queued = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
    /// <summary>Never run because a node it depends on failed or the job was cancelled.</summary>
    Skipped = 5,
    Cancelled = 6,
}
