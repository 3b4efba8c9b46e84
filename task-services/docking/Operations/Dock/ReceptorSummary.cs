namespace MolDash.Docking.Operations.Dock;

public sealed record ReceptorSummary(int Atoms, int AtomsInBox, IReadOnlyList<string> Chains, string PreparedFrom, IReadOnlyList<string> Warnings);
