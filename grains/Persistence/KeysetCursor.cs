namespace MolDash.Grains.Persistence;

/// <summary>Keyset position in a listing ordered by creation time, then id (organizations, users).</summary>
public sealed record KeysetCursor(DateTimeOffset CreatedAt, Guid Id)
{
    public string Encode() => new CreatedAtCursor(CreatedAt, Id.ToString("N")).Encode();

    public static KeysetCursor Decode(string cursor)
    {
        var position = CreatedAtCursor.Decode(cursor);
        return Guid.TryParseExact(position.Key, "N", out var id) ? new KeysetCursor(position.CreatedAt, id) : throw OpaqueCursor.Foreign();
    }
}
