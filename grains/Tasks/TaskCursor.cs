using MolDash.Grains.Persistence;

namespace MolDash.Grains.Tasks;

/// <summary>Keyset position in a task listing (ordered by name, then version).</summary>
public sealed record TaskCursor(string Name, string Version)
{
    public string Encode() => OpaqueCursor.Encode($"{Name}/{Version}");

    public static TaskCursor Decode(string cursor)
    {
        var (name, version) = OpaqueCursor.Split(OpaqueCursor.Decode(cursor), '/');
        return version.Length > 0 && !version.Contains('/', StringComparison.Ordinal) ? new TaskCursor(name, version) : throw OpaqueCursor.Foreign();
    }
}
