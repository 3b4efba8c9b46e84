namespace MolDash.Docking.Molecules;

/// <summary>The molecule text formats the service reads, by their Open Babel format codes.</summary>
public static class MoleculeFormats
{
    public const string Smiles = "smiles";
    public const string Sdf = "sdf";
    public const string Mol2 = "mol2";
    public const string Pdb = "pdb";
    public const string Pdbqt = "pdbqt";

    public static readonly string[] Ligand = [Smiles, Sdf, Mol2, Pdb, Pdbqt];
    public static readonly string[] Receptor = [Pdb, Pdbqt];
    public static readonly string[] PropertiesInput = [Smiles, Sdf, Mol2, Pdb];

    /// <summary>Open Babel's input code for a format name ("smiles" is "smi" there).</summary>
    public static string OpenBabelCode(string format) => format == Smiles ? "smi" : format;
}
