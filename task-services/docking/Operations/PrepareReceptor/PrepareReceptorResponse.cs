using MolDash.Docking.Molecules;

namespace MolDash.Docking.Operations.PrepareReceptor;

public sealed record PrepareReceptorResponse(
    string Pdbqt,
    IReadOnlyList<string> Chains,
    int Residues,
    int Atoms,
    bool HydrogensAdded,
    RemovedGroups Removed,
    IReadOnlyList<string> Warnings,
    Provenance Provenance);
