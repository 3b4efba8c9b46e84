namespace MolDash.Docking.Operations.Dock;

public sealed record LigandSummary(string Formula, int HeavyAtoms, int RotatableBonds, int FormalCharge, string ConformerMethod);
