namespace MolDash.Docking.Operations.PrepareLigand;

public sealed class PrepareLigandRequest
{
    public string? Ligand { get; init; }

    public string LigandFormat { get; init; } = "smiles";

    public bool Protonate { get; init; } = true;

    public double Ph { get; init; } = 7.4;

    public int Seed { get; init; } = 42;
}
