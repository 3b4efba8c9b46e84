namespace MolDash.Docking.Validation;

/// <summary>Bad input, answered with 422 and the offending field names (JSON paths of the request).</summary>
public sealed class InputException : Exception
{
    public InputException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public InputException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
    {
        Errors = errors;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
