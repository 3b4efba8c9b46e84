using System.Globalization;

namespace MolDash.Grains.Persistence;

/// <summary>Keyset position in a listing ordered by creation time, then a unique text key (a cache signature, an id).</summary>
public sealed record CreatedAtCursor(DateTimeOffset CreatedAt, string Key)
{
    public string Encode() => OpaqueCursor.Encode(string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.UtcTicks}:{Key}"));

    public static CreatedAtCursor Decode(string cursor)
    {
        var (ticks, key) = OpaqueCursor.Split(OpaqueCursor.Decode(cursor), ':');
        return long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks) && utcTicks <= DateTimeOffset.MaxValue.UtcTicks
            ? new CreatedAtCursor(new DateTimeOffset(utcTicks, TimeSpan.Zero), key)
            : throw OpaqueCursor.Foreign();
    }
}
