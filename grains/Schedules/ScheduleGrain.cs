using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Pipelines;
using MolDash.GrainInterfaces.Schedules;
using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Audit;
using MolDash.Grains.Users;
using Orleans.Configuration;

namespace MolDash.Grains.Schedules;

/// <summary>
/// Fires one pipeline version with fixed inputs on its timeline. A reminder ticks every check period from
/// the first occurrence on; a tick that finds occurrences due runs the pipeline once, as its creator, through
/// the cache (so unchanged inputs are a hit), and keeps the job id in the history. After downtime, the
/// latest missed occurrence runs once (late) and the earlier ones are skipped and counted.
/// </summary>
[GrainType("moldash-schedule")]
public sealed class ScheduleGrain(
    [PersistentState("schedule", GrainStorageNames.Default)] IPersistentState<ScheduleState> state,
    Auditor auditor,
    IOptions<ScheduleOptions> options,
    IOptions<ReminderOptions> reminders,
    TimeProvider time,
    ILogger<ScheduleGrain> logger) : Grain, IScheduleGrain, IOrgOwned, IRemindable
{
    private const string Reminder = "fire";

    private readonly ScheduleOptions settings = options.Value;

    private ScheduleState Schedule => state.State;

    private Guid ScheduleId => ScheduleKey.Parse(this.GetPrimaryKeyString()).ScheduleId;

    public Guid OwnerOrgId => ScheduleKey.Parse(this.GetPrimaryKeyString()).OrgId;

    /// <summary>Reminders may not tick faster than the silo allows.</summary>
    private TimeSpan CheckPeriod => settings.CheckPeriod > reminders.Value.MinimumReminderPeriod ? settings.CheckPeriod : reminders.Value.MinimumReminderPeriod;

    public async Task<ScheduleView> CreateAsync(ScheduleDefinition definition)
    {
        var caller = CallerContext.Current!;
        if (caller.OrgId != OwnerOrgId)
        {
            throw new MolDashException(ErrorKind.Forbidden, "A schedule runs as the member who made it; Root, who is no member, cannot make one.");
        }

        if (Schedule.Exists)
        {
            throw new MolDashException(ErrorKind.Conflict, "The schedule already exists.");
        }

        var now = time.GetUtcNow();
        var errors = new List<FieldError>();
        var timeline = ScheduleTimeline.Create(definition, now, settings.MinimumInterval, errors);
        if (timeline is null)
        {
            throw MolDashException.Invalid("The schedule's timing is not valid.", errors);
        }

        await CheckPipelineAsync(definition);
        await GrainFactory.GetGrain<IScheduleDirectoryGrain>(OwnerOrgId).AddAsync(ScheduleId);
        Schedule.Definition = definition;
        Schedule.Status = ScheduleStatus.Active;
        Schedule.CreatedBy = caller.UserId;
        Schedule.CreatedAt = now;
        await StartAsync(timeline, now);
        await AuditAsync(AuditActions.ScheduleCreated);
        return View();
    }

    public Task<ScheduleView> GetAsync() => Task.FromResult(RequireExisting().View());

    public async Task<ScheduleView> PauseAsync()
    {
        RequireManager();
        if (Schedule.Status == ScheduleStatus.Paused)
        {
            return View();
        }

        Schedule.Status = ScheduleStatus.Paused;
        Schedule.NextFireAt = null;
        await state.WriteStateAsync();
        await StopFiringAsync();
        await AuditAsync(AuditActions.SchedulePaused);
        return View();
    }

    public async Task<ScheduleView> ResumeAsync()
    {
        RequireManager();
        if (Schedule.Status == ScheduleStatus.Active)
        {
            return View();
        }

        Schedule.Status = ScheduleStatus.Active;
        await StartAsync(Timeline(), time.GetUtcNow());
        await AuditAsync(AuditActions.ScheduleResumed);
        return View();
    }

    public async Task DeleteAsync()
    {
        RequireManager();
        await StopFiringAsync();
        await GrainFactory.GetGrain<IScheduleDirectoryGrain>(OwnerOrgId).RemoveAsync(ScheduleId);
        await AuditAsync(AuditActions.ScheduleDeleted);
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // No person is behind a tick: the platform acts in the schedule's org until it runs as the creator.
        CallerContext.Set(Caller.PlatformIn(OwnerOrgId));
        if (!Schedule.Exists || Schedule.Status == ScheduleStatus.Paused || Schedule.NextFireAt is not { } next)
        {
            await StopFiringAsync();
            return;
        }

        var now = time.GetUtcNow();
        if (next > now)
        {
            return;
        }

        var timeline = Timeline();
        var (due, latest) = timeline.Due(next, now);
        var firing = await FireAsync(latest ?? next, now, Math.Max(0, due - 1));
        Schedule.History.Insert(0, firing);
        if (Schedule.History.Count > settings.HistorySize)
        {
            Schedule.History.RemoveRange(settings.HistorySize, Schedule.History.Count - settings.HistorySize);
        }

        Schedule.Firings++;
        Schedule.Skipped += firing.Skipped;
        Schedule.LastFiredAt = now;
        Schedule.NextFireAt = timeline.NextAfter(now);
        await state.WriteStateAsync();
        if (Schedule.NextFireAt is null)
        {
            await StopFiringAsync();
        }
    }

    /// <summary>
    /// Runs the pipeline as the schedule's creator, as they are now: a creator who left the org or was
    /// disabled gets no more runs (the firing records why). The job id is derived from the occurrence, so a
    /// tick repeated after a crash finds the same job instead of making another.
    /// </summary>
    private async Task<ScheduleFiring> FireAsync(DateTimeOffset occurrence, DateTimeOffset now, int skipped)
    {
        var definition = Schedule.Definition!;
        var firing = new ScheduleFiring { ScheduledFor = occurrence, FiredAt = now, Skipped = skipped };
        var membership = await GrainFactory.GetGrain<IMembershipGrain>(MembershipKey.For(OwnerOrgId, Schedule.CreatedBy)).GetAsync();
        if (!membership.Active)
        {
            return firing with { Error = "the schedule's creator is no longer an active member of the organization; pause or delete it" };
        }

        CallerContext.Set(new Caller(Schedule.CreatedBy, OwnerOrgId, membership.Roles));
        try
        {
            var result = await Pipeline(definition).RunAsync(definition.PipelineVersion, new PipelineRunRequest
            {
                InputsJson = definition.InputsJson,
                Priority = definition.Priority,
                JobId = JobIdFor(occurrence),
            });
            return firing with { JobId = result.Job.JobId, Cache = result.Cache };
        }
        catch (MolDashException e)
        {
            logger.LogWarning("Schedule {ScheduleId}: the firing for {Occurrence} did not run: {Reason}", ScheduleId, occurrence, e.Message);
            return firing with { Error = e.Message };
        }
        finally
        {
            CallerContext.Set(Caller.PlatformIn(OwnerOrgId));
        }
    }

    /// <summary>The version must be one the creator can see and run, and the inputs must fit its form.</summary>
    private async Task CheckPipelineAsync(ScheduleDefinition definition)
    {
        var pipeline = Pipeline(definition);
        var version = await pipeline.GetVersionAsync(definition.PipelineVersion);
        if (version.Status != PipelineVersionStatus.Published)
        {
            throw new MolDashException(ErrorKind.Conflict, $"Version {version.Version} of {version.Name} is {version.Status.ToString().ToLowerInvariant()}; only a published version can be scheduled.");
        }

        await pipeline.ExplainSignatureAsync(definition.PipelineVersion, definition.InputsJson);
    }

    /// <summary>Writes the state, then has the reminder tick from the next occurrence on, every check period.</summary>
    private async Task StartAsync(ScheduleTimeline timeline, DateTimeOffset now)
    {
        Schedule.NextFireAt = timeline.NextAfter(now);
        await state.WriteStateAsync();
        if (Schedule.NextFireAt is { } next)
        {
            await this.RegisterOrUpdateReminder(Reminder, next - now, CheckPeriod);
        }
    }

    private async Task StopFiringAsync()
    {
        if (await this.GetReminder(Reminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private ScheduleTimeline Timeline() =>
        ScheduleTimeline.Create(Schedule.Definition!, Schedule.CreatedAt, TimeSpan.Zero, [])
        ?? throw new InvalidOperationException($"Schedule {ScheduleId} holds a definition that no longer parses.");

    private Guid JobIdFor(DateTimeOffset occurrence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{this.GetPrimaryKeyString()}@{occurrence.UtcTicks}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    private IPipelineGrain Pipeline(ScheduleDefinition definition) =>
        GrainFactory.GetGrain<IPipelineGrain>(PipelineKey.Format(definition.PipelineOrgId ?? OwnerOrgId, definition.PipelineName));

    private ScheduleGrain RequireExisting() => Schedule.Exists ? this : throw MolDashException.NotFound("The schedule");

    /// <summary>The creator and the org's Admins (and Root) change a schedule; other members only read it.</summary>
    private void RequireManager()
    {
        RequireExisting();
        var caller = CallerContext.Current!;
        if (caller.UserId != Schedule.CreatedBy && !caller.IsRoot && !caller.Roles.Contains(MolDashRoles.Admin, StringComparer.Ordinal))
        {
            throw new MolDashException(ErrorKind.Forbidden, "Only the schedule's creator and the organization's Admins change it.");
        }
    }

    private Task AuditAsync(string action) =>
        auditor.RecordAsync(action, ScheduleId.ToString(), AuditOutcome.Succeeded, OwnerOrgId, new Dictionary<string, string?>
        {
            ["pipeline"] = $"{Schedule.Definition!.PipelineName} {Schedule.Definition.PipelineVersion}",
            ["timing"] = Schedule.Definition.Cron is { } cron ? $"cron {cron} ({Schedule.Definition.TimeZone ?? "UTC"})" : $"every {Schedule.Definition.Interval}",
        });

    private ScheduleView View() => new()
    {
        ScheduleId = ScheduleId,
        OrgId = OwnerOrgId,
        Definition = Schedule.Definition!,
        Status = Schedule.Status,
        CreatedBy = Schedule.CreatedBy,
        CreatedAt = Schedule.CreatedAt,
        NextFireAt = Schedule.NextFireAt,
        LastFiredAt = Schedule.LastFiredAt,
        Firings = Schedule.Firings,
        Skipped = Schedule.Skipped,
        History = [.. Schedule.History],
    };
}
