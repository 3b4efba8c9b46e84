namespace MolDash.Grains.Artifacts.Formats;

/// <summary>
/// A syntax check of one SMILES string after OpenSMILES: atoms (organic subset, aromatic lower case,
/// bracket atoms with real element symbols), bonds, balanced branches, paired ring closures. It does not
/// check valence or aromaticity; the tools that read the molecule do.
/// </summary>
public static class SmilesSyntax
{
    private const string BondSymbols = "-=#$:/\\";

    /// <returns>Null when the string is valid SMILES, otherwise the first problem with its position.</returns>
    public static string? Check(string smiles)
    {
        if (smiles.Length == 0)
        {
            return "it is empty.";
        }

        var rings = new Dictionary<int, int>();
        var branches = 0;
        var atomCount = 0;
        var afterAtom = false;      // the chain so far ends in an atom (bonds, branches and rings may follow)
        var ringAllowed = false;    // ring closures follow their atom directly, before any branch
        var bond = false;
        var emptyBranch = false;
        var i = 0;
        while (i < smiles.Length)
        {
            var c = smiles[i];
            var position = i + 1;
            if (c == '(')
            {
                if (!afterAtom || bond)
                {
                    return $"at position {position}: a branch must follow an atom.";
                }

                branches++;
                emptyBranch = true;
                ringAllowed = false;
                i++;
            }
            else if (c == ')')
            {
                if (branches == 0)
                {
                    return $"at position {position}: ')' closes no branch.";
                }

                if (emptyBranch || bond)
                {
                    return $"at position {position}: the branch ends without an atom.";
                }

                branches--;
                ringAllowed = false;
                i++;
            }
            else if (BondSymbols.Contains(c, StringComparison.Ordinal))
            {
                if (!afterAtom || bond)
                {
                    return $"at position {position}: the bond '{c}' must follow an atom.";
                }

                bond = true;
                i++;
            }
            else if (c == '.')
            {
                if (!afterAtom || bond || emptyBranch)
                {
                    return $"at position {position}: '.' must separate two molecules.";
                }

                afterAtom = ringAllowed = false;
                i++;
            }
            else if (char.IsAsciiDigit(c) || c == '%')
            {
                if (!ringAllowed)
                {
                    return $"at position {position}: a ring closure must follow its atom directly.";
                }

                int number;
                if (c == '%')
                {
                    if (i + 2 >= smiles.Length || !char.IsAsciiDigit(smiles[i + 1]) || !char.IsAsciiDigit(smiles[i + 2]))
                    {
                        return $"at position {position}: '%' needs a two-digit ring number.";
                    }

                    number = ((smiles[i + 1] - '0') * 10) + (smiles[i + 2] - '0');
                    i += 3;
                }
                else
                {
                    number = c - '0';
                    i++;
                }

                if (rings.Remove(number, out var opener))
                {
                    if (opener == atomCount)
                    {
                        return $"at position {position}: ring closure {number} bonds an atom to itself.";
                    }
                }
                else
                {
                    rings[number] = atomCount;
                }

                bond = false;
            }
            else
            {
                var length = c == '[' ? BracketAtom(smiles, i, out var error) : OrganicAtom(smiles, i, out error);
                if (error is not null)
                {
                    return $"at position {position}: {error}";
                }

                if (bond && !afterAtom)
                {
                    return $"at position {position}: the bond has no atom before it.";
                }

                atomCount++;
                afterAtom = ringAllowed = true;
                bond = emptyBranch = false;
                i += length;
            }
        }

        if (bond)
        {
            return "it ends with a bond.";
        }

        if (branches > 0)
        {
            return $"{branches} branch{(branches == 1 ? " is" : "es are")} not closed.";
        }

        if (rings.Count > 0)
        {
            return $"ring closure {rings.Keys.Min()} is never closed.";
        }

        return afterAtom ? null : "it ends without an atom.";
    }

    private static int OrganicAtom(string smiles, int i, out string? error)
    {
        error = null;
        var two = i + 1 < smiles.Length ? smiles.Substring(i, 2) : "";
        if (two is "Cl" or "Br")
        {
            return 2;
        }

        if ("BCNOPSFIbcnops*".Contains(smiles[i], StringComparison.Ordinal))
        {
            return 1;
        }

        error = char.IsAsciiLetter(smiles[i])
            ? $"'{smiles[i]}' is not an atom outside brackets (write other elements as [Xx])."
            : $"'{smiles[i]}' is not SMILES.";
        return 0;
    }

    /// <summary>[isotope? symbol chirality? hydrogens? charge? class?]</summary>
    private static int BracketAtom(string smiles, int start, out string? error)
    {
        error = null;
        var end = smiles.IndexOf(']', start);
        if (end < 0)
        {
            error = "'[' is never closed.";
            return 0;
        }

        var body = smiles[(start + 1)..end];
        var i = 0;
        while (i < body.Length && char.IsAsciiDigit(body[i]))
        {
            i++;
        }

        var symbol = BracketSymbol(body, i);
        if (symbol is null)
        {
            error = $"'[{body}]' has no valid element symbol.";
            return 0;
        }

        i += symbol.Length;
        if (i < body.Length && body[i] == '@')
        {
            i++;
            if (i < body.Length && body[i] == '@')
            {
                i++;
            }
            else
            {
                while (i < body.Length && (char.IsAsciiLetterUpper(body[i]) || char.IsAsciiDigit(body[i])) && body[i] != 'H')
                {
                    i++;
                }
            }
        }

        if (i < body.Length && body[i] == 'H')
        {
            i++;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
            }
        }

        if (i < body.Length && body[i] is '+' or '-')
        {
            var sign = body[i++];
            while (i < body.Length && (body[i] == sign || char.IsAsciiDigit(body[i])))
            {
                i++;
            }
        }

        if (i < body.Length && body[i] == ':')
        {
            i++;
            var digits = i;
            while (i < body.Length && char.IsAsciiDigit(body[i]))
            {
                i++;
            }

            if (i == digits)
            {
                error = $"'[{body}]' has an atom class without a number.";
                return 0;
            }
        }

        if (i != body.Length)
        {
            error = $"'[{body}]' is not a valid bracket atom (unexpected '{body[i..]}').";
            return 0;
        }

        return end - start + 1;
    }

    private static string? BracketSymbol(string body, int i)
    {
        if (i >= body.Length)
        {
            return null;
        }

        if (body[i] == '*')
        {
            return "*";
        }

        var two = i + 1 < body.Length ? body.Substring(i, 2) : "";
        if (two is "se" or "as" || (two.Length == 2 && char.IsAsciiLetterUpper(two[0]) && char.IsAsciiLetterLower(two[1]) && ChemicalElements.IsSymbol(two)))
        {
            return two;
        }

        var one = body[i].ToString();
        return ChemicalElements.IsSymbol(one) || one is "b" or "c" or "n" or "o" or "p" or "s" ? one : null;
    }
}
