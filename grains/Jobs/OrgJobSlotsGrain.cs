using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;

namespace MolDash.Grains.Jobs;

[GrainType("moldash-org-job-slots")]
public sealed class OrgJobSlotsGrain : Grain, IOrgJobSlotsGrain
{
    private readonly HashSet<Guid> running = [];

    public async Task AcquireAsync(Guid jobId)
    {
        if (running.Contains(jobId))
        {
            return;
        }

        // Read on every admission so a quota or status change counts at once.
        var org = await GrainFactory.GetGrain<IOrganizationGrain>(this.GetPrimaryKey()).GetAsync();
        if (org.Status != OrganizationStatus.Active)
        {
            throw new MolDashException(ErrorKind.Conflict,
                $"The organization is {org.Status.ToString().ToLowerInvariant()}, not active: it runs no jobs until it is.");
        }

        var quotas = org.Quotas;
        if (running.Count >= quotas.MaxConcurrentJobs)
        {
            throw new MolDashException(ErrorKind.TooManyRequests,
                $"The organization's quota of {quotas.MaxConcurrentJobs} concurrent jobs (MaxConcurrentJobs) is reached; submit again when a job finishes.")
            {
                RetryAfter = TimeSpan.FromSeconds(10),
            };
        }

        running.Add(jobId);
    }

    public Task HoldAsync(Guid jobId)
    {
        running.Add(jobId);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(Guid jobId)
    {
        running.Remove(jobId);
        return Task.CompletedTask;
    }
}
