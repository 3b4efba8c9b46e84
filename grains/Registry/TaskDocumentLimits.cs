namespace MolDash.Grains.Registry;

/// <summary>
/// Bounds on a stored task document: it lives in grain state and is parsed on activation, so a huge or
/// pathologically nested document must be refused before any parser recurses into it.
/// </summary>
public static class TaskDocumentLimits
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxDepth = 64;

    /// <summary>How many values (objects, arrays, scalars and keys) a YAML document may expand to through its aliases.</summary>
    public const int MaxNodes = 500_000;

    /// <summary>How deep the input schema may nest objects and arrays in the generated form.</summary>
    public const int MaxFormDepth = 10;
}
