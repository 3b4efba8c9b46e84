namespace MolDash.Grains.Artifacts.Formats;

/// <summary>
/// Checks one file as it streams past, so a file is never held in memory whole. Both methods throw
/// <see cref="MalformedMoleculeException"/> at the first problem.
/// </summary>
public interface ILineValidator
{
    /// <param name="number">The line's 1-based number in the file.</param>
    void Accept(string line, int number);

    /// <summary>Called after the last line: checks what only the whole file can tell (counts, closed blocks).</summary>
    void Complete();
}
