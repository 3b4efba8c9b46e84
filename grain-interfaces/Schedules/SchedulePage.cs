namespace MolDash.GrainInterfaces.Schedules;

/// <summary>A page of an org's schedules, oldest first; <see cref="Next"/> is the cursor of the next page, null at the end.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.SchedulePage")]
public sealed record SchedulePage(
    [property: Id(0)] IReadOnlyList<ScheduleView> Items,
    [property: Id(1)] string? Next);
