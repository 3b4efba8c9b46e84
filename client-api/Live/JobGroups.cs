namespace MolDash.Api.Live;

/// <summary>SignalR group names: one per job, one per org (all its jobs). Org ids keep jobs of different orgs apart.</summary>
public static class JobGroups
{
    public static string Job(Guid orgId, Guid jobId) => $"job:{orgId:N}:{jobId:N}";

    public static string Org(Guid orgId) => $"org:{orgId:N}";
}
