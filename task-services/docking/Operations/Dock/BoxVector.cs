namespace MolDash.Docking.Operations.Dock;

/// <summary>A point or an extent in Å; members are nullable so a missing one is reported by name.</summary>
public sealed class BoxVector
{
    public double? X { get; init; }

    public double? Y { get; init; }

    public double? Z { get; init; }
}
