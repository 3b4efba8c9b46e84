using System.Globalization;
using Cronos;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Schedules;

namespace MolDash.Grains.Schedules;

/// <summary>
/// When a schedule's occurrences fall: a cron expression read in its time zone (daylight-saving moves
/// included), or every interval counted from the schedule's anchor (when it was made).
/// </summary>
public sealed class ScheduleTimeline
{
    /// <summary>Past this many, missed occurrences are not counted one by one (a schedule asleep for years).</summary>
    public const int MaxCounted = 100_000;

    // Gaps between this many coming cron occurrences are checked against the minimum interval.
    private const int GapsChecked = 16;

    private readonly CronExpression? cron;
    private readonly TimeZoneInfo zone;
    private readonly TimeSpan interval;
    private readonly DateTimeOffset anchor;

    private ScheduleTimeline(CronExpression? cron, TimeZoneInfo zone, TimeSpan interval, DateTimeOffset anchor)
    {
        this.cron = cron;
        this.zone = zone;
        this.interval = interval;
        this.anchor = anchor;
    }

    /// <summary>The timeline of <paramref name="definition"/>, or null with every problem (pointing at the request field) added to <paramref name="errors"/>.</summary>
    public static ScheduleTimeline? Create(ScheduleDefinition definition, DateTimeOffset anchor, TimeSpan minimumInterval, List<FieldError> errors)
    {
        var before = errors.Count;
        if ((definition.Cron is null) == (definition.Interval is null))
        {
            errors.Add(new FieldError("/cron", "Give either a cron expression (with an optional time zone) or intervalSeconds, not both and not neither."));
            return null;
        }

        if (definition.Interval is { } every)
        {
            if (definition.TimeZone is not null)
            {
                errors.Add(new FieldError("/timeZone", "A time zone goes with a cron expression; an interval counts elapsed time."));
            }

            if (every < minimumInterval)
            {
                errors.Add(new FieldError("/intervalSeconds", string.Create(CultureInfo.InvariantCulture, $"At least {minimumInterval.TotalSeconds:0} seconds.")));
            }

            return errors.Count > before ? null : new ScheduleTimeline(null, TimeZoneInfo.Utc, every, anchor);
        }

        var zone = TimeZoneInfo.Utc;
        if (definition.TimeZone is { } zoneId && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
        {
            errors.Add(new FieldError("/timeZone", $"'{zoneId}' is not a known IANA time zone, such as Europe/Paris or America/New_York."));
            zone = TimeZoneInfo.Utc;
        }

        var expression = definition.Cron!.Trim();
        var format = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        if (!CronExpression.TryParse(expression, format, out var parsed))
        {
            errors.Add(new FieldError("/cron", "Not a cron expression: five fields (minute hour day-of-month month day-of-week, such as \"0 6 * * 1-5\"), or six with seconds first."));
            return null;
        }

        var timeline = new ScheduleTimeline(parsed, zone, TimeSpan.Zero, anchor);
        var coming = timeline.Occurrences(anchor).Take(GapsChecked + 1).ToList();
        if (coming.Count == 0)
        {
            errors.Add(new FieldError("/cron", "The expression never fires."));
        }
        else if (coming.Zip(coming.Skip(1)).Any(pair => pair.Second - pair.First < minimumInterval))
        {
            errors.Add(new FieldError("/cron", string.Create(CultureInfo.InvariantCulture, $"Fires more often than the shortest interval allowed, {minimumInterval.TotalSeconds:0} seconds.")));
        }

        return errors.Count > before ? null : timeline;
    }

    /// <summary>The first occurrence strictly after <paramref name="instant"/>; null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant)
    {
        if (cron is not null)
        {
            return cron.GetNextOccurrence(instant, zone, inclusive: false);
        }

        var elapsed = instant - anchor;
        var step = elapsed < TimeSpan.Zero ? 1 : (elapsed.Ticks / interval.Ticks) + 1;
        return anchor + (interval * step);
    }

    /// <summary>How many occurrences fall between <paramref name="from"/> and <paramref name="to"/> (both included, counted up to <see cref="MaxCounted"/>), and the latest of them.</summary>
    public (int Count, DateTimeOffset? Latest) Due(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return (0, null);
        }

        if (cron is not null)
        {
            var count = 0;
            DateTimeOffset? latest = null;
            foreach (var occurrence in cron.GetOccurrences(from, to, zone, fromInclusive: true, toInclusive: true).Take(MaxCounted))
            {
                count++;
                latest = occurrence;
            }

            // Counting stopped early: the latest is still the last one due.
            return count < MaxCounted ? (count, latest) : (count, cron.GetPreviousOccurrence(to, zone, inclusive: true));
        }

        var first = Math.Max(1, CeilingSteps(from - anchor));
        var last = (to - anchor).Ticks / interval.Ticks;
        return last < first ? (0, null) : ((int)Math.Min(last - first + 1, MaxCounted), anchor + (interval * last));
    }

    private IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset after)
    {
        var next = NextAfter(after);
        while (next is { } at)
        {
            yield return at;
            next = NextAfter(at);
        }
    }

    private long CeilingSteps(TimeSpan elapsed) => elapsed <= TimeSpan.Zero ? 0 : ((elapsed.Ticks - 1) / interval.Ticks) + 1;
}
