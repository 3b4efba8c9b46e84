namespace MolDash.GrainInterfaces.Schedules;

/// <summary>The schedules of one org (keyed by org id), in the order they were made; kept by the schedule grains.</summary>
[Alias("MolDash.IScheduleDirectoryGrain")]
public interface IScheduleDirectoryGrain : IGrainWithGuidKey
{
    [Alias("List")]
    Task<SchedulePage> ListAsync(string? after, int limit);

    /// <summary>Adds a new schedule; a 409 when the org has as many as it may.</summary>
    [Alias("Add")]
    Task AddAsync(Guid scheduleId);

    [Alias("Remove")]
    Task RemoveAsync(Guid scheduleId);
}
