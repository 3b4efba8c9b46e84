namespace MolDash.GrainInterfaces.Jobs;

[GenerateSerializer, Alias("MolDash.JobKind")]
public enum JobKind
{
    /// <summary>One run of one task: a one-node graph.</summary>
    Task = 0,
    /// <summary>One task over many parameter sets: one independent node per set.</summary>
    Batch = 1,
    Pipeline = 2,
}
