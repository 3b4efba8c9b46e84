namespace MolDash.Docking.Molecules;

public sealed record PdbCleanupResult(string Pdb, IReadOnlyList<string> Chains, int Residues, bool HasHydrogens, RemovedGroups Removed);
