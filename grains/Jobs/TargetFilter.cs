namespace MolDash.Grains.Jobs;

/// <summary>
/// The listing's target filter: "dock@1.0.0" matches that version exactly, "dock" (or "dock@") every
/// version of dock.
/// </summary>
public sealed record TargetFilter(string Name, string? Version)
{
    public string Exact => $"{Name}@{Version}";

    public static TargetFilter? Parse(string? target)
    {
        if (string.IsNullOrEmpty(target))
        {
            return null;
        }

        var at = target.IndexOf('@', StringComparison.Ordinal);
        return at < 0 || at == target.Length - 1
            ? new TargetFilter(at < 0 ? target : target[..at], null)
            : new TargetFilter(target[..at], target[(at + 1)..]);
    }
}
