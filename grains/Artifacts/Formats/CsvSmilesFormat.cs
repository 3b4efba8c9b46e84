namespace MolDash.Grains.Artifacts.Formats;

/// <summary>A CSV table of molecules: a header with a "smiles" column, then rows whose SMILES are each checked.</summary>
public sealed class CsvSmilesFormat : IMoleculeFormat
{
    private const string SmilesColumn = "smiles";

    public string Name => "csv";
    public string DisplayName => "CSV of SMILES";
    public string ContentType => "text/csv";
    public IReadOnlyList<string> Extensions { get; } = [".csv"];

    public bool Recognizes(IReadOnlyList<string> head) =>
        head.FirstOrDefault(line => line.Trim().Length > 0) is { } header && header.Contains(',', StringComparison.Ordinal)
        && SmilesIndex(CsvFields.Split(header)) >= 0;

    public ILineValidator CreateValidator() => new Validator();

    private static int SmilesIndex(List<string>? header) =>
        header?.FindIndex(name => string.Equals(name, SmilesColumn, StringComparison.OrdinalIgnoreCase)) ?? -1;

    private sealed class Validator : ILineValidator
    {
        private int columns = -1;
        private int smilesIndex;
        private int rows;

        public void Accept(string line, int number)
        {
            if (line.Trim().Length == 0)
            {
                return;
            }

            var fields = CsvFields.Split(line)
                ?? throw new MalformedMoleculeException(number, "a quoted field is not closed.");
            if (columns < 0)
            {
                smilesIndex = SmilesIndex(fields);
                if (smilesIndex < 0)
                {
                    throw new MalformedMoleculeException(number, $"the header has no \"smiles\" column (found: {string.Join(", ", fields)}).");
                }

                columns = fields.Count;
                return;
            }

            if (fields.Count != columns)
            {
                throw new MalformedMoleculeException(number, $"the row has {fields.Count} fields where the header has {columns}.");
            }

            if (SmilesSyntax.Check(fields[smilesIndex]) is { } error)
            {
                throw new MalformedMoleculeException(number, $"'{Columns.Excerpt(fields[smilesIndex])}' in the smiles column is not valid SMILES: {error}");
            }

            rows++;
        }

        public void Complete()
        {
            if (rows == 0)
            {
                throw new MalformedMoleculeException(null, columns < 0 ? "it is empty." : "it has a header but no rows.");
            }
        }
    }
}
