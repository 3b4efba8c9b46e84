namespace MolDash.Grains.Schedules;

[GenerateSerializer]
public sealed class ScheduleDirectoryState
{
    /// <summary>The org's schedule ids in the order they were made.</summary>
    [Id(0)] public List<Guid> ScheduleIds { get; set; } = [];
}
