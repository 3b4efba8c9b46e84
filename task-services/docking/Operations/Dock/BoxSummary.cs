namespace MolDash.Docking.Operations.Dock;

public sealed record BoxSummary(double[] Center, double[] Size, string Source);
