namespace MolDash.GrainInterfaces.Jobs;

[GenerateSerializer, Immutable, Alias("MolDash.JobProgress")]
public sealed record JobProgress(
    [property: Id(0)] int Total,
    [property: Id(1)] int Succeeded,
    [property: Id(2)] int Failed,
    [property: Id(3)] int Running)
{
    public int Done => Succeeded + Failed;

    /// <summary>A batch's items (each a sub-graph of nodes); null for a job that is not a batch of sub-graphs.</summary>
    [Id(4)] public ItemProgress? Items { get; init; }
}
