namespace MolDash.GrainInterfaces.Jobs;

/// <summary>
/// How far a batch's items are: an item is done when all its nodes are finished, succeeded when they all
/// succeeded, failed otherwise (its other items go on).
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.ItemProgress")]
public sealed record ItemProgress(
    [property: Id(0)] int Total,
    [property: Id(1)] int Succeeded,
    [property: Id(2)] int Failed)
{
    public int Done => Succeeded + Failed;
}
