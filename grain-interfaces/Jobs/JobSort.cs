namespace MolDash.GrainInterfaces.Jobs;

[GenerateSerializer, Alias("MolDash.JobSort")]
public enum JobSort
{
    NewestFirst = 0,
    OldestFirst = 1,
}
