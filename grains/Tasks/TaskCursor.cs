using System.Text;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Tasks;

/// <summary>Keyset position in a task listing (ordered by name, then version).</summary>
public sealed record TaskCursor(string Name, string Version)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Name}/{Version}"));

    public static TaskCursor Decode(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('/');
            return parts.Length == 2 ? new TaskCursor(parts[0], parts[1]) : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new MolDashException(ErrorKind.Validation, "The cursor is not one this listing returned.");
        }
    }
}
