namespace MolDash.Grains.Artifacts.Formats;

/// <summary>The formats the platform accepts, and how a file's format is chosen when none is declared.</summary>
public static class MoleculeFormats
{
    /// <summary>In detection order: the most distinctive signatures first, SMILES (the loosest) last.</summary>
    public static IReadOnlyList<IMoleculeFormat> All { get; } =
        [new Mol2Format(), new SdfFormat(), new PdbqtFormat(), new PdbFormat(), new CsvSmilesFormat(), new SmilesFormat()];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mol"] = "sdf",
        ["sd"] = "sdf",
        ["smi"] = "smiles",
        ["ent"] = "pdb",
    };

    public static string SupportedNames => string.Join(", ", All.Select(format => format.Name));

    /// <summary>The format a client names ("SDF", "mol", "smi"), or null.</summary>
    public static IMoleculeFormat? Find(string name)
    {
        var canonical = Aliases.GetValueOrDefault(name.Trim(), name.Trim());
        return All.FirstOrDefault(format => string.Equals(format.Name, canonical, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The content decides; when no format recognises it, the file name's extension does, so a broken file
    /// named "x.sdf" is reported as broken SDF rather than as an unknown format.
    /// </summary>
    public static IMoleculeFormat? Detect(IReadOnlyList<string> head, string fileName) =>
        All.FirstOrDefault(format => format.Recognizes(head))
        ?? All.FirstOrDefault(format => format.Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase));
}
