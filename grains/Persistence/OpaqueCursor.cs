using System.Text;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Persistence;

/// <summary>
/// The text form of every listing's keyset position: base64 of a UTF-8 position, so clients treat it as opaque,
/// and one clear 422 for a cursor no listing returned.
/// </summary>
public static class OpaqueCursor
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static string Encode(string position) => Convert.ToBase64String(Encoding.UTF8.GetBytes(position));

    public static string Decode(string cursor)
    {
        try
        {
            var position = StrictUtf8.GetString(Convert.FromBase64String(cursor));
            return position.Length > 0 ? position : throw Foreign();
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw Foreign();
        }
    }

    /// <summary>The position split at the first <paramref name="separator"/> (later parts may contain it).</summary>
    public static (string Head, string Tail) Split(string position, char separator)
    {
        var at = position.IndexOf(separator, StringComparison.Ordinal);
        return at > 0 ? (position[..at], position[(at + 1)..]) : throw Foreign();
    }

    public static MolDashException Foreign() => new(ErrorKind.Validation, "The cursor is not one this listing returned.");
}
