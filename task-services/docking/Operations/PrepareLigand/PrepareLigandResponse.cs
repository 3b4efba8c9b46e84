namespace MolDash.Docking.Operations.PrepareLigand;

public sealed record PrepareLigandResponse(
    string Pdbqt,
    string Sdf,
    string Formula,
    int HeavyAtoms,
    int RotatableBonds,
    int FormalCharge,
    string ConformerMethod,
    IReadOnlyList<string> Warnings,
    Provenance Provenance);
