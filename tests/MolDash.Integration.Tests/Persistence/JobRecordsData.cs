using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.Tasks;
using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.Integration.Tests.Persistence;

/// <summary>Jobs, events and results for the job records tests, on whole seconds so they survive PostgreSQL's microseconds.</summary>
internal static class JobRecordsData
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static JobSummary Job(
        Guid? id = null,
        int minute = 0,
        JobStatus status = JobStatus.Pending,
        JobKind kind = JobKind.Task,
        string target = "dock@1.0.0",
        Guid? submittedBy = null) => new()
    {
        JobId = id ?? Guid.NewGuid(),
        Kind = kind,
        Target = target,
        Status = status,
        Priority = RunPriority.Normal,
        SubmittedBy = submittedBy ?? Guid.Empty,
        CreatedAt = Epoch.AddMinutes(minute),
        Progress = new JobProgress(1, 0, 0, 0),
    };

    public static JobEvent Event(Guid jobId, long seq, JobStatus status = JobStatus.Running, string? nodeId = "dock") => new()
    {
        JobId = jobId,
        Seq = seq,
        At = Epoch.AddSeconds(seq),
        Kind = JobEventKinds.Started,
        NodeId = nodeId,
        Message = $"event {seq}",
        JobStatus = status,
        NodeStatus = nodeId is null ? null : NodeStatus.Running,
        Progress = new JobProgress(1, 0, 0, 1),
    };

    public static IReadOnlyList<JobEvent> Events(Guid jobId, long from, long to) =>
        [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(seq => Event(jobId, seq))];

    public static NodeResult Result(Guid jobId, string nodeId, NodeStatus status = NodeStatus.Succeeded, string? output = """{"score":-7.5}""") => new()
    {
        JobId = jobId,
        NodeId = nodeId,
        RunId = Guid.NewGuid(),
        TaskName = "dock",
        TaskVersion = "1.0.0",
        Status = status,
        Attempts = 1,
        Instance = "http://127.0.0.1:5090/",
        QueuedAt = Epoch.AddSeconds(1),
        StartedAt = Epoch.AddSeconds(2),
        FinishedAt = status == NodeStatus.Succeeded ? Epoch.AddSeconds(3) : null,
        Output = output is null ? null : new JsonText(output),
        Confidence = output is null ? null : 0.875,
    };
}
