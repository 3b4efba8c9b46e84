using System.Text.RegularExpressions;

namespace MolDash.Grains.Artifacts.Formats;

/// <summary>
/// AutoDock's PDB variant: ATOM/HETATM lines carry a partial charge and an AutoDock atom type after
/// column 66, and a ligand's torsion tree (ROOT, BRANCH) must be closed.
/// </summary>
public sealed partial class PdbqtFormat : IMoleculeFormat
{
    private static readonly string[] TreeRecords = ["ROOT", "BRANCH", "TORSDOF"];

    public string Name => "pdbqt";
    public string DisplayName => "PDBQT";
    public string ContentType => "chemical/x-pdbqt";
    public IReadOnlyList<string> Extensions { get; } = [".pdbqt"];

    public bool Recognizes(IReadOnlyList<string> head) =>
        head.Any(line => TreeRecords.Contains(PdbRecords.Name(line), StringComparer.Ordinal))
        || head.Any(line => PdbRecords.IsAtom(line) && HasChargeAndType(line));

    public ILineValidator CreateValidator() => new Validator();

    private static bool HasChargeAndType(string line)
    {
        var tail = Columns.Tokens(line.Length > 66 ? line[66..] : "");
        return tail.Length == 2 && Columns.IsNumber(tail[0]) && AutoDockType().IsMatch(tail[1]);
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]{0,2}$")]
    private static partial Regex AutoDockType();

    private sealed class Validator : ILineValidator
    {
        private int atoms;
        private int branches;
        private int roots;

        public void Accept(string line, int number)
        {
            PdbRecords.RequireRecord(line, number, "PDBQT");
            switch (PdbRecords.Name(line))
            {
                case "ATOM" or "HETATM":
                    PdbRecords.RequireCoordinates(line, number);
                    if (!HasChargeAndType(line))
                    {
                        throw new MalformedMoleculeException(number,
                            $"the atom has no partial charge and AutoDock type after column 66: '{Columns.Excerpt(line)}'.");
                    }

                    atoms++;
                    break;
                case "ROOT":
                    roots++;
                    break;
                case "ENDROOT":
                    roots = roots > 0 ? roots - 1 : throw new MalformedMoleculeException(number, "ENDROOT without a ROOT.");
                    break;
                case "BRANCH":
                    branches++;
                    break;
                case "ENDBRANCH":
                    branches = branches > 0 ? branches - 1 : throw new MalformedMoleculeException(number, "ENDBRANCH without a BRANCH.");
                    break;
                case "ENDMDL":
                    RequireClosedTree(number);
                    break;
            }
        }

        public void Complete()
        {
            RequireClosedTree(null);
            if (atoms == 0)
            {
                throw new MalformedMoleculeException(null, "it has no ATOM or HETATM records.");
            }
        }

        private void RequireClosedTree(int? number)
        {
            if (roots > 0 || branches > 0)
            {
                throw new MalformedMoleculeException(number, $"{(roots > 0 ? "a ROOT" : "a BRANCH")} is not closed.");
            }
        }
    }
}
