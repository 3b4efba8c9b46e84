namespace MolDash.Docking.Operations.Dock;

/// <summary>Why one ligand of a batch failed: the request field and what is wrong with it.</summary>
public sealed record LigandError(string Field, string Detail);
