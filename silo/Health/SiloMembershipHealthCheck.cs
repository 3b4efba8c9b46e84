using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace MolDash.Silo.Health;

/// <summary>Ready when this silo is an active member of the cluster.</summary>
public sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails local) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(local.SiloAddress);
        var active = snapshot.Members.Values.Count(member => member.Status == SiloStatus.Active);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Active; {active} active silo(s) in the cluster.")
            : HealthCheckResult.Unhealthy($"Silo status is {status}."));
    }
}
