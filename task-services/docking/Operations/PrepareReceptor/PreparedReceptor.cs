using MolDash.Docking.Molecules;

namespace MolDash.Docking.Operations.PrepareReceptor;

public sealed record PreparedReceptor(
    string Pdbqt,
    IReadOnlyList<Atom> Atoms,
    IReadOnlyList<string> Chains,
    int Residues,
    bool HydrogensAdded,
    RemovedGroups Removed,
    IReadOnlyList<string> Warnings);
