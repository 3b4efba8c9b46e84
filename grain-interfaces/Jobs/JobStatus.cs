namespace MolDash.GrainInterfaces.Jobs;

[GenerateSerializer, Alias("MolDash.JobStatus")]
public enum JobStatus
{
    Pending = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    Cancelled = 4,
}
