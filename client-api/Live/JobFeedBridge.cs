using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Jobs;

namespace MolDash.Api.Live;

/// <summary>
/// This API replica's ear on the cluster: one observer, subscribed to the job feed of every org that has
/// a client listening here, renewed before the feed would drop it, and relaying each event to the
/// job's and the org's SignalR groups in the order it arrives.
/// </summary>
public sealed class JobFeedBridge(IClusterClient cluster, IHubContext<JobsHub> hub, TimeProvider time, ILogger<JobFeedBridge> logger)
    : BackgroundService, IJobObserver
{
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, bool> orgs = new();
    private readonly SemaphoreSlim relay = new(1, 1);
    private IJobObserver? reference;

    /// <summary>Makes sure events of <paramref name="orgId"/> reach this replica from now on.</summary>
    public async Task ListenToAsync(Guid orgId)
    {
        if (orgs.TryAdd(orgId, true))
        {
            try
            {
                await SubscribeAsync(orgId);
            }
            catch
            {
                orgs.TryRemove(orgId, out _);
                throw;
            }
        }
    }

    public async Task OnJobEventsAsync(Guid orgId, IReadOnlyList<JobEvent> events)
    {
        await relay.WaitAsync();
        try
        {
            foreach (var entry in events)
            {
                await hub.Clients.Groups(JobGroups.Job(orgId, entry.JobId), JobGroups.Org(orgId)).SendAsync(JobsHub.EventMethod, entry);
            }
        }
        finally
        {
            relay.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var orgId in orgs.Keys)
            {
                try
                {
                    await SubscribeAsync(orgId);
                }
                catch (Exception e) when (e is TimeoutException or OrleansException)
                {
                    logger.LogWarning(e, "Renewing the job feed subscription of org {OrgId} failed; trying again in {Period}", orgId, RenewEvery);
                }
            }
        }
    }

    private Task SubscribeAsync(Guid orgId)
    {
        reference ??= cluster.CreateObjectReference<IJobObserver>(this);
        // The replica subscribes on its own account, for every client of the org it serves.
        CallerContext.Set(Caller.PlatformIn(orgId));
        return cluster.GetGrain<IJobFeedGrain>(orgId).SubscribeAsync(reference);
    }

    public override void Dispose()
    {
        relay.Dispose();
        base.Dispose();
    }
}
