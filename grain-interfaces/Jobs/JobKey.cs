namespace MolDash.GrainInterfaces.Jobs;

/// <summary>The key of a job grain, "{org id}/{job id}": the owning org is part of the identity.</summary>
public static class JobKey
{
    public static string Format(Guid orgId, Guid jobId) => $"{orgId:N}/{jobId:N}";

    public static (Guid OrgId, Guid JobId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (Guid.ParseExact(key[..slash], "N"), Guid.ParseExact(key[(slash + 1)..], "N"));
    }
}
