namespace MolDash.GrainInterfaces.Jobs;

[GenerateSerializer, Immutable, Alias("MolDash.JobProgress")]
public sealed record JobProgress(
    [property: Id(0)] int Total,
    [property: Id(1)] int Succeeded,
    [property: Id(2)] int Failed,
    [property: Id(3)] int Running)
{
    public int Done => Succeeded + Failed;
}
