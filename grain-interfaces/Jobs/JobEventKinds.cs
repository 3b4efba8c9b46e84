namespace MolDash.GrainInterfaces.Jobs;

public static class JobEventKinds
{
    public const string Created = "created";
    public const string Queued = "queued";
    public const string Started = "started";
    public const string AttemptFailed = "attempt-failed";
    public const string NodeSucceeded = "node-succeeded";
    public const string NodeFailed = "node-failed";
    public const string NodeSkipped = "node-skipped";
    public const string CancelRequested = "cancel-requested";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
