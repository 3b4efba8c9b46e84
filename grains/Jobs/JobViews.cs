using MolDash.GrainInterfaces.Jobs;

namespace MolDash.Grains.Jobs;

/// <summary>What a job's state looks like from outside: its snapshot, listing row and progress.</summary>
public static class JobViews
{
    public static JobProgress Progress(JobState job) => new(
        job.Nodes.Count,
        job.Nodes.Count(node => node.Status == NodeStatus.Succeeded),
        job.Nodes.Count(node => node.Status is NodeStatus.Failed or NodeStatus.Skipped or NodeStatus.Cancelled),
        job.Nodes.Count(node => node.IsActive))
    {
        Items = Items(job),
    };

    private static ItemProgress? Items(JobState job)
    {
        var items = job.Nodes.Where(node => node.Node.Item is not null).GroupBy(node => node.Node.Item).ToList();
        if (items.Count == 0)
        {
            return null;
        }

        var done = items.Where(item => item.All(node => node.IsFinished)).ToList();
        var succeeded = done.Count(item => item.All(node => node.Status == NodeStatus.Succeeded));
        return new ItemProgress(items.Count, succeeded, done.Count - succeeded);
    }

    public static JobView View(JobState job, Guid orgId, Guid jobId) => new()
    {
        JobId = jobId,
        OrgId = orgId,
        Kind = job.Kind,
        Target = job.Target,
        Status = job.Status,
        Priority = job.Priority,
        SubmittedBy = job.SubmittedBy,
        CreatedAt = job.CreatedAt,
        StartedAt = job.StartedAt,
        FinishedAt = job.FinishedAt,
        Error = job.Error,
        Progress = Progress(job),
        Nodes = [.. job.Nodes.Select(Node)],
        LastEventSeq = job.LastSeq,
        Signature = job.Signature,
        LogsUri = job.LogBlob,
        Confidence = job.Nodes.Exists(node => node.Status == NodeStatus.Succeeded) ? job.Confidence : null,
    };

    public static JobSummary Summary(JobState job, Guid jobId) => new()
    {
        JobId = jobId,
        Kind = job.Kind,
        Target = job.Target,
        Status = job.Status,
        Priority = job.Priority,
        SubmittedBy = job.SubmittedBy,
        CreatedAt = job.CreatedAt,
        StartedAt = job.StartedAt,
        FinishedAt = job.FinishedAt,
        Progress = Progress(job),
        Error = job.Error,
        LastEventSeq = job.LastSeq,
        LogsUri = job.LogBlob,
    };

    private static NodeView Node(NodeState node) => new()
    {
        Id = node.Node.Id,
        TaskName = node.Node.TaskName,
        TaskVersion = node.Node.TaskVersion,
        Status = node.Status,
        Attempts = node.Attempts,
        Instance = node.Instance,
        Error = node.Error,
        QueuedAt = node.QueuedAt,
        StartedAt = node.StartedAt,
        FinishedAt = node.FinishedAt,
    };
}
