namespace MolDash.Grains.Artifacts.Formats;

/// <summary>A V3000 connection table: "M  V30" lines whose ATOM and BOND blocks must hold what COUNTS says.</summary>
internal sealed class V3000Block
{
    private const string Prefix = "M  V30 ";

    private int atoms = -1;
    private int bonds;
    private int seenAtoms;
    private int seenBonds;
    private string? block;
    private bool continued;

    public void Reset() => (atoms, bonds, seenAtoms, seenBonds, block, continued) = (-1, 0, 0, 0, null, false);

    public void Accept(string line, int number)
    {
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new MalformedMoleculeException(number, $"a V3000 connection table line must start with 'M  V30', found '{Columns.Excerpt(line)}'.");
        }

        var wasContinued = continued;
        continued = line.EndsWith('-');
        if (wasContinued)
        {
            return;
        }

        var tokens = Columns.Tokens(line[Prefix.Length..]);
        switch (tokens)
        {
            case ["COUNTS", var a, var b, ..]:
                if (!Columns.TryInt(a, out atoms) || !Columns.TryInt(b, out bonds) || atoms < 0 || bonds < 0)
                {
                    throw new MalformedMoleculeException(number, "the COUNTS line needs the atom and bond counts.");
                }

                break;
            case ["BEGIN", var name, ..]:
                block = name;
                break;
            case ["END", "ATOM", ..]:
                RequireCount("atoms", atoms, seenAtoms, number);
                block = null;
                break;
            case ["END", "BOND", ..]:
                RequireCount("bonds", bonds, seenBonds, number);
                block = null;
                break;
            case ["END", ..]:
                block = null;
                break;
            default:
                Entry(tokens, line, number);
                break;
        }
    }

    public void Complete(int number)
    {
        if (atoms < 0)
        {
            throw new MalformedMoleculeException(number, "the V3000 connection table has no COUNTS line.");
        }

        RequireCount("atoms", atoms, seenAtoms, number);
        RequireCount("bonds", bonds, seenBonds, number);
    }

    private void Entry(string[] tokens, string line, int number)
    {
        if (block == "ATOM")
        {
            if (tokens.Length < 5 || !Columns.IsNumber(tokens[2]) || !Columns.IsNumber(tokens[3]) || !Columns.IsNumber(tokens[4]))
            {
                throw new MalformedMoleculeException(number, $"a V3000 atom needs an index, a type and x, y, z: '{Columns.Excerpt(line)}'.");
            }

            seenAtoms++;
        }
        else if (block == "BOND")
        {
            if (tokens.Length < 4 || !Columns.TryInt(tokens[2], out var first) || !Columns.TryInt(tokens[3], out var second)
                || first < 1 || first > atoms || second < 1 || second > atoms)
            {
                throw new MalformedMoleculeException(number, $"a V3000 bond needs an index, a type and two atom numbers from 1 to {atoms}: '{Columns.Excerpt(line)}'.");
            }

            seenBonds++;
        }
    }

    private static void RequireCount(string what, int expected, int seen, int number)
    {
        if (expected != seen)
        {
            throw new MalformedMoleculeException(number, $"COUNTS announces {expected} {what} but the table holds {seen}.");
        }
    }
}
