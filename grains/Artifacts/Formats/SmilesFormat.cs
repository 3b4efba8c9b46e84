namespace MolDash.Grains.Artifacts.Formats;

/// <summary>SMILES files: one molecule a line ("SMILES [name]"); blank lines and lines starting with '#' are skipped.</summary>
public sealed class SmilesFormat : IMoleculeFormat
{
    public string Name => "smiles";
    public string DisplayName => "SMILES";
    public string ContentType => "chemical/x-daylight-smiles";
    public IReadOnlyList<string> Extensions { get; } = [".smi", ".smiles"];

    public bool Recognizes(IReadOnlyList<string> head)
    {
        var first = head.FirstOrDefault(line => !IsSkipped(line));
        return first is not null && SmilesSyntax.Check(Columns.Tokens(first)[0]) is null;
    }

    public ILineValidator CreateValidator() => new Validator();

    private static bool IsSkipped(string line) => line.Trim().Length == 0 || line.StartsWith('#');

    private sealed class Validator : ILineValidator
    {
        private int molecules;

        public void Accept(string line, int number)
        {
            if (IsSkipped(line))
            {
                return;
            }

            var smiles = Columns.Tokens(line)[0];
            if (SmilesSyntax.Check(smiles) is { } error)
            {
                throw new MalformedMoleculeException(number, $"'{Columns.Excerpt(smiles)}' is not valid SMILES: {error}");
            }

            molecules++;
        }

        public void Complete()
        {
            if (molecules == 0)
            {
                throw new MalformedMoleculeException(null, "it holds no SMILES.");
            }
        }
    }
}
