using Microsoft.Extensions.Time.Testing;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Schedules;
using MolDash.Grains.Schedules;

namespace MolDash.Grains.Tests.Schedules;

/// <summary>The timing of schedules, on a clock the tests move: next occurrences, time zones, and what was missed while down.</summary>
public sealed class ScheduleTimelineTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 28, 12, 0, 30, TimeSpan.Zero));

    [Fact]
    public void An_interval_counts_from_when_the_schedule_was_made()
    {
        var timeline = Timeline(new ScheduleDefinition { PipelineName = "p", PipelineVersion = "1.0.0", Interval = TimeSpan.FromMinutes(5) });
        var made = clock.GetUtcNow();

        Assert.Equal(made.AddMinutes(5), timeline.NextAfter(made));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(made.AddMinutes(10), timeline.NextAfter(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(made.AddMinutes(10), timeline.NextAfter(clock.GetUtcNow()));
    }

    [Fact]
    public void A_cron_expression_is_read_in_its_time_zone_across_a_daylight_saving_change()
    {
        // 06:00 in Paris: 05:00 UTC in winter, 04:00 UTC from 29 March 2026 (summer time).
        var timeline = Timeline(new ScheduleDefinition { PipelineName = "p", PipelineVersion = "1.0.0", Cron = "0 6 * * *", TimeZone = "Europe/Paris" });

        var first = timeline.NextAfter(clock.GetUtcNow())!.Value;
        var second = timeline.NextAfter(first)!.Value;

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 4, 0, 0, TimeSpan.Zero), first.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 4, 0, 0, TimeSpan.Zero), second.ToUniversalTime());
    }

    [Fact]
    public void After_downtime_every_missed_occurrence_is_counted_and_the_latest_is_the_one_to_run()
    {
        var timeline = Timeline(new ScheduleDefinition { PipelineName = "p", PipelineVersion = "1.0.0", Cron = "*/10 * * * *" });
        var next = timeline.NextAfter(clock.GetUtcNow())!.Value;

        clock.Advance(TimeSpan.FromHours(1));
        var (due, latest) = timeline.Due(next, clock.GetUtcNow());

        // 12:10 to 13:00 were missed: six occurrences, the 13:00 one runs and five are skipped.
        Assert.Equal(6, due);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 13, 0, 0, TimeSpan.Zero), latest);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 13, 10, 0, TimeSpan.Zero), timeline.NextAfter(clock.GetUtcNow()));
    }

    [Fact]
    public void Missed_intervals_are_counted_the_same_way_and_nothing_is_due_before_the_next_occurrence()
    {
        var timeline = Timeline(new ScheduleDefinition { PipelineName = "p", PipelineVersion = "1.0.0", Interval = TimeSpan.FromMinutes(2) });
        var next = timeline.NextAfter(clock.GetUtcNow())!.Value;

        Assert.Equal((0, null), timeline.Due(next, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal((3, next.AddMinutes(4)), timeline.Due(next, clock.GetUtcNow()));
    }

    [Theory]
    [InlineData("not a cron", null, null, "/cron")]
    [InlineData("0 6 * * *", "Mars/Olympus_Mons", null, "/timeZone")]
    [InlineData("* * * * * *", null, null, "/cron")]
    [InlineData(null, null, 10, "/intervalSeconds")]
    [InlineData("0 6 * * *", null, 3600, "/cron")]
    [InlineData(null, null, null, "/cron")]
    public void A_bad_timing_is_refused_pointing_at_its_field(string? cron, string? zone, int? seconds, string field)
    {
        var errors = new List<FieldError>();
        var definition = new ScheduleDefinition
        {
            PipelineName = "p",
            PipelineVersion = "1.0.0",
            Cron = cron,
            TimeZone = zone,
            Interval = seconds is { } s ? TimeSpan.FromSeconds(s) : null,
        };

        Assert.Null(ScheduleTimeline.Create(definition, clock.GetUtcNow(), Minute, errors));
        Assert.Contains(errors, error => error.Pointer == field);
    }

    private ScheduleTimeline Timeline(ScheduleDefinition definition)
    {
        var errors = new List<FieldError>();
        var timeline = ScheduleTimeline.Create(definition, clock.GetUtcNow(), Minute, errors);
        Assert.Empty(errors);
        return timeline!;
    }
}
