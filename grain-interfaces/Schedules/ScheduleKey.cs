namespace MolDash.GrainInterfaces.Schedules;

/// <summary>The key of a schedule grain, "{org id}/{schedule id}": the owning org is part of the identity.</summary>
public static class ScheduleKey
{
    public static string Format(Guid orgId, Guid scheduleId) => $"{orgId:N}/{scheduleId:N}";

    public static (Guid OrgId, Guid ScheduleId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (Guid.ParseExact(key[..slash], "N"), Guid.ParseExact(key[(slash + 1)..], "N"));
    }
}
