using System.Globalization;

namespace MolDash.Grains.Jobs;

/// <summary>
/// Where a finished job's log is kept, as its logs_uri says: a blob of its own ("jobs/{id}/job.log"), or a byte
/// range of an org's shared log blob ("jobs/logs/2026-11-29/…-0000.log#bytes=1024-1536", first and last byte).
/// </summary>
public sealed record LogLocation(string Blob, long Offset, long? Length)
{
    private const string RangeMarker = "#bytes=";

    public static LogLocation Whole(string blob) => new(blob, 0, null);

    public static LogLocation Parse(string location)
    {
        var marker = location.LastIndexOf(RangeMarker, StringComparison.Ordinal);
        if (marker < 0)
        {
            return Whole(location);
        }

        var range = location[(marker + RangeMarker.Length)..].Split('-');
        var first = long.Parse(range[0], CultureInfo.InvariantCulture);
        var last = long.Parse(range[1], CultureInfo.InvariantCulture);
        return new LogLocation(location[..marker], first, last - first + 1);
    }

    public override string ToString() => Length is { } length
        ? string.Create(CultureInfo.InvariantCulture, $"{Blob}{RangeMarker}{Offset}-{Offset + length - 1}")
        : Blob;
}
