namespace MolDash.Docking.Operations.Dock;

public sealed class BatchLigand
{
    /// <summary>Caller's name for the ligand, echoed in its result; defaults to its position.</summary>
    public string? Id { get; init; }

    public string? Ligand { get; init; }

    public string LigandFormat { get; init; } = "smiles";
}
