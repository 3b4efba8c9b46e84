namespace MolDash.Grains.Artifacts.Formats;

/// <summary>Protein Data Bank files: records by name, at least one ATOM/HETATM with numeric coordinates. Checked after PDBQT, whose atoms look alike.</summary>
public sealed class PdbFormat : IMoleculeFormat
{
    private static readonly string[] HeaderRecords = ["HEADER", "REMARK", "CRYST1", "COMPND", "TITLE", "MODEL"];

    public string Name => "pdb";
    public string DisplayName => "PDB";
    public string ContentType => "chemical/x-pdb";
    public IReadOnlyList<string> Extensions { get; } = [".pdb", ".ent"];

    public bool Recognizes(IReadOnlyList<string> head)
    {
        var first = head.FirstOrDefault(line => line.Trim().Length > 0);
        return (first is not null && HeaderRecords.Contains(PdbRecords.Name(first), StringComparer.Ordinal)) || head.Any(PdbRecords.IsAtom);
    }

    public ILineValidator CreateValidator() => new Validator();

    private sealed class Validator : ILineValidator
    {
        private int atoms;

        public void Accept(string line, int number)
        {
            PdbRecords.RequireRecord(line, number, "PDB");
            if (PdbRecords.IsAtom(line))
            {
                PdbRecords.RequireCoordinates(line, number);
                atoms++;
            }
        }

        public void Complete()
        {
            if (atoms == 0)
            {
                throw new MalformedMoleculeException(null, "it has no ATOM or HETATM records.");
            }
        }
    }
}
