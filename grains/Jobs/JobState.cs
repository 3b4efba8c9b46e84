using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.Grains.Jobs;

[GenerateSerializer]
public sealed class JobState
{
    [Id(0)] public JobKind Kind { get; set; }
    [Id(1)] public string Target { get; set; } = "";
    [Id(2)] public RunPriority Priority { get; set; }
    [Id(3)] public Guid SubmittedBy { get; set; }
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public DateTimeOffset? StartedAt { get; set; }
    [Id(6)] public DateTimeOffset? FinishedAt { get; set; }
    [Id(7)] public JobStatus Status { get; set; }
    [Id(8)] public string? Error { get; set; }
    [Id(9)] public long LastSeq { get; set; }
    [Id(10)] public List<NodeState> Nodes { get; set; } = [];
    /// <summary>Events not yet in the results database (an outbox: written there after the state, then cleared).</summary>
    [Id(11)] public List<JobEvent> UnrecordedEvents { get; set; } = [];
    [Id(12)] public List<NodeResult> UnrecordedResults { get; set; } = [];
    [Id(13)] public string? Signature { get; set; }
    /// <summary>Whether each task version is deterministic, by "name@version", for the confidence of its results.</summary>
    [Id(15)] public Dictionary<string, bool> DeterministicTasks { get; set; } = [];

    /// <summary>Where the finished job's log is in the org's container; null until it is written.</summary>
    [Id(16)] public string? LogBlob { get; set; }

    /// <summary>The lowest confidence of the nodes that succeeded so far; null once one of them had none.</summary>
    [Id(17)] public double? Confidence { get; set; } = 1.0;

    /// <summary>The org whose task versions the nodes run, when not the job's own (see <see cref="JobSubmission.TaskOrgId"/>).</summary>
    [Id(18)] public Guid? TaskOrgId { get; set; }

    public bool Exists => CreatedAt != default;

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;
}
