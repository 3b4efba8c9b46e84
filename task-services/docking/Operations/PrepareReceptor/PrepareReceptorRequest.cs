namespace MolDash.Docking.Operations.PrepareReceptor;

public sealed class PrepareReceptorRequest
{
    public string? Receptor { get; init; }

    public string ReceptorFormat { get; init; } = "pdb";

    public bool RemoveWaters { get; init; } = true;

    public bool RemoveHetero { get; init; } = true;

    public bool KeepMetals { get; init; }

    public bool AddHydrogens { get; init; } = true;

    public double Ph { get; init; } = 7.4;
}
