using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Organizations;

namespace MolDash.Grains.Jobs;

/// <summary>
/// Slots are leases: a running job renews its own on every watchdog tick, and a lease not renewed for three
/// periods has lapsed (its job finished without saying so, or the count was rebuilt after a restart).
/// </summary>
[GrainType("moldash-org-job-slots")]
public sealed class OrgJobSlotsGrain(IOptions<JobOptions> options, TimeProvider time) : Grain, IOrgJobSlotsGrain
{
    private readonly Dictionary<Guid, DateTimeOffset> leases = [];
    private readonly TimeSpan leaseLifetime = options.Value.WatchdogPeriod * 3;

    public async Task AcquireAsync(Guid jobId)
    {
        if (leases.ContainsKey(jobId))
        {
            leases[jobId] = time.GetUtcNow();
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
        DropLapsed();
        if (leases.Count >= quotas.MaxConcurrentJobs)
        {
            throw new MolDashException(ErrorKind.TooManyRequests,
                $"The organization's quota of {quotas.MaxConcurrentJobs} concurrent jobs (MaxConcurrentJobs) is reached; submit again when a job finishes.")
            {
                RetryAfter = TimeSpan.FromSeconds(10),
            };
        }

        leases[jobId] = time.GetUtcNow();
    }

    public Task HoldAsync(Guid jobId)
    {
        leases[jobId] = time.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(Guid jobId)
    {
        leases.Remove(jobId);
        return Task.CompletedTask;
    }

    private void DropLapsed()
    {
        var cutoff = time.GetUtcNow() - leaseLifetime;
        foreach (var lapsed in leases.Where(lease => lease.Value < cutoff).Select(lease => lease.Key).ToList())
        {
            leases.Remove(lapsed);
        }
    }
}
