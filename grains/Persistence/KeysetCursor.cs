using System.Globalization;
using System.Text;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Persistence;

/// <summary>Keyset position in a listing ordered by creation time, then id (organizations, users).</summary>
public sealed record KeysetCursor(DateTimeOffset CreatedAt, Guid Id)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.UtcTicks}:{Id:N}")));

    public static KeysetCursor Decode(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split(':');
            var ticks = long.Parse(parts[0], CultureInfo.InvariantCulture);
            return new KeysetCursor(new DateTimeOffset(ticks, TimeSpan.Zero), Guid.ParseExact(parts[1], "N"));
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new MolDashException(ErrorKind.Validation, "The cursor is not one this listing returned.");
        }
    }
}
