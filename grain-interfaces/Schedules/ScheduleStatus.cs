namespace MolDash.GrainInterfaces.Schedules;

[GenerateSerializer, Alias("MolDash.ScheduleStatus")]
public enum ScheduleStatus
{
    Active = 0,
    /// <summary>Not firing; occurrences while paused are neither run nor counted as missed.</summary>
    Paused = 1,
}
