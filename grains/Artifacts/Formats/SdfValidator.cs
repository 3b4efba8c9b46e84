namespace MolDash.Grains.Artifacts.Formats;

/// <summary>The record-by-record state machine behind <see cref="SdfFormat"/>.</summary>
internal sealed class SdfValidator : ILineValidator
{
    private const string MolEnd = "M  END";
    private const string RecordEnd = "$$$$";

    private Part part = Part.Header;
    private int headerLines;
    private bool headerBlank = true;
    private int recordStart;
    private int records;
    private int atoms;
    private int bonds;
    private int seen;

    // A file whose V2000 records all announce zero atoms holds no molecule to work with; V3000 counts are not tracked.
    private long announcedAtoms;
    private bool hasV3000;
    private readonly V3000Block v3000 = new();

    private enum Part
    {
        Header,
        Counts,
        Atoms,
        Bonds,
        Properties,
        V3000,
        Data,
    }

    public void Accept(string line, int number)
    {
        switch (part)
        {
            case Part.Header:
                if (headerLines == 0)
                {
                    recordStart = number;
                    headerBlank = true;
                }

                if (line == RecordEnd)
                {
                    throw new MalformedMoleculeException(number, "'$$$$' ends a record that has no header, counts line or atoms.");
                }

                headerBlank &= line.Trim().Length == 0;
                part = ++headerLines == 3 ? Part.Counts : Part.Header;
                break;
            case Part.Counts:
                Counts(line, number);
                break;
            case Part.Atoms:
                if (!SdfFormat.IsAtomLine(line))
                {
                    throw new MalformedMoleculeException(number,
                        $"the counts line announces {atoms} atoms but atom {seen + 1} is not an atom line (x, y, z, symbol): '{Columns.Excerpt(line)}'.");
                }

                if (++seen == atoms)
                {
                    (part, seen) = (bonds > 0 ? Part.Bonds : Part.Properties, 0);
                }

                break;
            case Part.Bonds:
                Bond(line, number);
                if (++seen == bonds)
                {
                    part = Part.Properties;
                }

                break;
            case Part.Properties:
                if (line.StartsWith(MolEnd, StringComparison.Ordinal))
                {
                    part = Part.Data;
                }
                else if (line == RecordEnd)
                {
                    throw new MalformedMoleculeException(number, "the record ends without its 'M  END' line.");
                }
                else if (SdfFormat.IsAtomLine(line))
                {
                    throw new MalformedMoleculeException(number, $"an atom line after the {atoms} atoms and {bonds} bonds the counts line announces.");
                }

                break;
            case Part.V3000:
                if (line.StartsWith(MolEnd, StringComparison.Ordinal))
                {
                    v3000.Complete(number);
                    part = Part.Data;
                }
                else
                {
                    v3000.Accept(line, number);
                }

                break;
            case Part.Data:
                if (line == RecordEnd)
                {
                    (part, headerLines) = (Part.Header, 0);
                    records++;
                }

                break;
        }
    }

    public void Complete()
    {
        switch (part)
        {
            case Part.Data:
                // A single molfile has no "$$$$".
                records++;
                break;
            case Part.Header when headerLines == 0 || headerBlank:
                break;
            default:
                throw new MalformedMoleculeException(null,
                    $"the record starting at line {recordStart} ends before {(part == Part.Atoms || part == Part.Bonds ? "all its atoms and bonds" : "its 'M  END' line")}.");
        }

        if (records == 0)
        {
            throw new MalformedMoleculeException(null, "it has no molecule records.");
        }

        if (announcedAtoms == 0 && !hasV3000)
        {
            throw new MalformedMoleculeException(null, "none of its records has any atoms.");
        }
    }

    private void Counts(string line, int number)
    {
        if (line.Contains("V3000", StringComparison.Ordinal))
        {
            v3000.Reset();
            hasV3000 = true;
            part = Part.V3000;
            return;
        }

        if (!SdfFormat.CountsPattern().IsMatch(line)
            || !Columns.TryInt(Columns.Field(line, 0, 3), out atoms) || !Columns.TryInt(Columns.Field(line, 3, 3), out bonds))
        {
            throw new MalformedMoleculeException(number,
                $"line 4 of a record must be the counts line (atoms and bonds in 3 columns each, then V2000 or V3000), found '{Columns.Excerpt(line)}'.");
        }

        seen = 0;
        announcedAtoms += atoms;
        part = atoms > 0 ? Part.Atoms : bonds > 0 ? Part.Bonds : Part.Properties;
    }

    private void Bond(string line, int number)
    {
        var valid = line.Length >= 9
            && Columns.TryInt(Columns.Field(line, 0, 3), out var first) && Columns.TryInt(Columns.Field(line, 3, 3), out var second)
            && Columns.TryInt(Columns.Field(line, 6, 3), out var type)
            && first >= 1 && first <= atoms && second >= 1 && second <= atoms && first != second && type is >= 1 and <= 8;
        if (!valid)
        {
            throw new MalformedMoleculeException(number,
                $"the counts line announces {bonds} bonds between {atoms} atoms but bond {seen + 1} is not a bond line (two atom numbers from 1 to {atoms}, a type from 1 to 8): '{Columns.Excerpt(line)}'.");
        }
    }
}
