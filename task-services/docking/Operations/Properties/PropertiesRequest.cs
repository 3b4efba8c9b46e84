namespace MolDash.Docking.Operations.Properties;

public sealed class PropertiesRequest
{
    public string? Molecule { get; init; }

    public string MoleculeFormat { get; init; } = "smiles";
}
