namespace MolDash.Grains.Artifacts.Formats;

/// <summary>The section-by-section checks behind <see cref="Mol2Format"/>.</summary>
internal sealed class Mol2Validator : ILineValidator
{
    private string? section;
    private int sectionLine;
    private int molecules;
    private int atoms;
    private int bonds;
    private int seenAtoms;
    private int seenBonds;
    private bool hasAtomSection;
    private long announcedAtoms;

    public void Accept(string line, int number)
    {
        if (line.StartsWith(Mol2Format.SectionPrefix, StringComparison.Ordinal))
        {
            CloseSection(number);
            section = line[Mol2Format.SectionPrefix.Length..].Trim();
            sectionLine = 0;
            if (section == "MOLECULE")
            {
                CloseMolecule(number);
                molecules++;
            }
            else if (molecules == 0)
            {
                throw new MalformedMoleculeException(number, $"the section {section} comes before any @<TRIPOS>MOLECULE.");
            }

            hasAtomSection |= section == "ATOM";
            return;
        }

        var blank = line.Trim().Length == 0 || line.StartsWith('#');
        if (section is null)
        {
            if (!blank)
            {
                throw new MalformedMoleculeException(number, $"a MOL2 file starts with @<TRIPOS>MOLECULE, found '{Columns.Excerpt(line)}'.");
            }

            return;
        }

        // The MOLECULE section is positional (name, then counts); elsewhere blank lines and comments are ignored.
        if (section == "MOLECULE")
        {
            if (++sectionLine == 2)
            {
                Counts(line, number);
            }

            return;
        }

        if (blank)
        {
            return;
        }

        if (section == "ATOM")
        {
            Atom(line, number);
        }
        else if (section == "BOND")
        {
            Bond(line, number);
        }
    }

    public void Complete()
    {
        CloseSection(null);
        CloseMolecule(null);
        if (molecules == 0)
        {
            throw new MalformedMoleculeException(null, "it has no @<TRIPOS>MOLECULE section.");
        }

        if (announcedAtoms == 0)
        {
            throw new MalformedMoleculeException(null, "none of its molecules has any atoms.");
        }
    }

    private void Counts(string line, int number)
    {
        var tokens = Columns.Tokens(line);
        if (tokens.Length == 0 || !Columns.TryInt(tokens[0], out atoms) || atoms < 0
            || (tokens.Length > 1 && (!Columns.TryInt(tokens[1], out bonds) || bonds < 0)))
        {
            throw new MalformedMoleculeException(number, $"the second line of @<TRIPOS>MOLECULE must hold the atom and bond counts, found '{Columns.Excerpt(line)}'.");
        }

        if (tokens.Length == 1)
        {
            bonds = 0;
        }

        announcedAtoms += atoms;
    }

    private void Atom(string line, int number)
    {
        var tokens = Columns.Tokens(line);
        if (tokens.Length < 6 || !Columns.TryInt(tokens[0], out _)
            || !Columns.IsNumber(tokens[2]) || !Columns.IsNumber(tokens[3]) || !Columns.IsNumber(tokens[4]))
        {
            throw new MalformedMoleculeException(number, $"an atom needs an id, a name, x, y, z and a type: '{Columns.Excerpt(line)}'.");
        }

        if (++seenAtoms > atoms)
        {
            throw new MalformedMoleculeException(number, $"more atoms than the {atoms} that @<TRIPOS>MOLECULE announces.");
        }
    }

    private void Bond(string line, int number)
    {
        var tokens = Columns.Tokens(line);
        if (tokens.Length < 4 || !Columns.TryInt(tokens[1], out var first) || !Columns.TryInt(tokens[2], out var second)
            || first < 1 || first > atoms || second < 1 || second > atoms)
        {
            throw new MalformedMoleculeException(number, $"a bond needs an id, two atom ids from 1 to {atoms} and a type: '{Columns.Excerpt(line)}'.");
        }

        if (++seenBonds > bonds)
        {
            throw new MalformedMoleculeException(number, $"more bonds than the {bonds} that @<TRIPOS>MOLECULE announces.");
        }
    }

    private void CloseSection(int? number)
    {
        if (section == "MOLECULE" && sectionLine < 2)
        {
            throw new MalformedMoleculeException(number, "the @<TRIPOS>MOLECULE section needs a name line and a counts line.");
        }

        if (section == "ATOM" && seenAtoms != atoms)
        {
            throw new MalformedMoleculeException(number, $"@<TRIPOS>MOLECULE announces {atoms} atoms but the ATOM section holds {seenAtoms}.");
        }

        if (section == "BOND" && seenBonds != bonds)
        {
            throw new MalformedMoleculeException(number, $"@<TRIPOS>MOLECULE announces {bonds} bonds but the BOND section holds {seenBonds}.");
        }
    }

    private void CloseMolecule(int? number)
    {
        if (molecules > 0 && !hasAtomSection && atoms > 0)
        {
            throw new MalformedMoleculeException(number, "a molecule has no @<TRIPOS>ATOM section.");
        }

        if (molecules > 0 && seenBonds != bonds)
        {
            throw new MalformedMoleculeException(number, $"@<TRIPOS>MOLECULE announces {bonds} bonds but the molecule has {seenBonds}.");
        }

        (atoms, bonds, seenAtoms, seenBonds, hasAtomSection) = (0, 0, 0, 0, false);
    }
}
