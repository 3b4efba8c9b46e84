namespace MolDash.GrainInterfaces.Schedules;

/// <summary>
/// One schedule of an org, keyed by <see cref="ScheduleKey"/>: fires a pipeline version with fixed inputs
/// through the cache, each firing a normal run. Members create schedules and read the org's; the creator
/// and the org's Admins pause, resume and delete them.
/// </summary>
[Alias("MolDash.IScheduleGrain")]
public interface IScheduleGrain : IGrainWithStringKey
{
    /// <summary>Checks the timing (422), the pipeline version (404, 409) and the inputs against its form (422), then starts firing.</summary>
    [Alias("Create")]
    Task<ScheduleView> CreateAsync(ScheduleDefinition definition);

    [Alias("Get")]
    Task<ScheduleView> GetAsync();

    [Alias("Pause")]
    Task<ScheduleView> PauseAsync();

    /// <summary>Fires again from the next occurrence after now: what fell while paused is not made up.</summary>
    [Alias("Resume")]
    Task<ScheduleView> ResumeAsync();

    [Alias("Delete")]
    Task DeleteAsync();
}
