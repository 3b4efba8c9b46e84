namespace MolDash.Docking.Operations.Dock;

public sealed class DockRequest
{
    public string? Receptor { get; init; }

    public string ReceptorFormat { get; init; } = "pdbqt";

    public string? Ligand { get; init; }

    public string LigandFormat { get; init; } = "smiles";

    public IReadOnlyList<BatchLigand>? Ligands { get; init; }

    public BoxVector? Center { get; init; }

    public BoxVector? Size { get; init; }

    public string? AutoboxLigand { get; init; }

    public string AutoboxLigandFormat { get; init; } = "sdf";

    public double AutoboxPadding { get; init; } = 4.0;

    public int Exhaustiveness { get; init; } = 8;

    public int NumModes { get; init; } = 9;

    public double EnergyRange { get; init; } = 3.0;

    public int Seed { get; init; } = 42;

    public string Scoring { get; init; } = "vina";

    public int Cpu { get; init; } = 1;

    public bool Protonate { get; init; } = true;

    public double Ph { get; init; } = 7.4;

    /// <summary>"polar": pose SDF with the hydrogens Vina kept; "all": Open Babel adds the non-polar ones back.</summary>
    public string PoseHydrogens { get; init; } = "all";
}
