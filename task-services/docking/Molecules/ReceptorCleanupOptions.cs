namespace MolDash.Docking.Molecules;

public sealed record ReceptorCleanupOptions(bool RemoveWaters, bool RemoveHetero, bool KeepMetals);
