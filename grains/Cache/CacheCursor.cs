using System.Globalization;
using System.Text;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Cache;

/// <summary>Keyset position in the cache listing: creation time, then signature.</summary>
public sealed record CacheCursor(DateTimeOffset CreatedAt, string Signature)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.UtcTicks}:{Signature}")));

    public static CacheCursor Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var ticks = long.Parse(text[..colon], CultureInfo.InvariantCulture);
            return new CacheCursor(new DateTimeOffset(ticks, TimeSpan.Zero), text[(colon + 1)..]);
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
        {
            throw new MolDashException(ErrorKind.Validation, "The cursor is not one this listing returned.");
        }
    }
}
