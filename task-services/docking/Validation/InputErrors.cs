namespace MolDash.Docking.Validation;

/// <summary>Collects every field error of a request so one 422 names them all.</summary>
public sealed class InputErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool HasErrors => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public void Range(string field, double? value, double min, double max)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            Add(field, FormattableString.Invariant($"must be between {min} and {max}; got {v}."));
        }
    }

    public void ThrowIfAny()
    {
        if (HasErrors)
        {
            throw new InputException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
