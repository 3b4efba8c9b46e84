namespace MolDash.Grains.Artifacts.Formats;

/// <summary>Tripos MOL2: molecules start at @&lt;TRIPOS&gt;MOLECULE, whose counts the ATOM and BOND sections must match.</summary>
public sealed class Mol2Format : IMoleculeFormat
{
    internal const string SectionPrefix = "@<TRIPOS>";

    public string Name => "mol2";
    public string DisplayName => "MOL2";
    public string ContentType => "chemical/x-mol2";
    public IReadOnlyList<string> Extensions { get; } = [".mol2"];

    public bool Recognizes(IReadOnlyList<string> head) =>
        head.Any(line => line.StartsWith(SectionPrefix, StringComparison.Ordinal));

    public ILineValidator CreateValidator() => new Mol2Validator();
}
