namespace MolDash.Docking.Molecules;

/// <summary>What receptor preparation took out: water residues, hetero group and metal names, alternate-location atoms.</summary>
public sealed record RemovedGroups(int Waters, IReadOnlyList<string> HeteroGroups, IReadOnlyList<string> Metals, int AlternateLocationAtoms);
