using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using MolDash.Api.Auth;
using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.Organizations;

namespace MolDash.Api.Live;

/// <summary>
/// Live job status. A client subscribes to one job (and gets its snapshot back) or to all jobs of its
/// org, then receives "jobEvent" messages in sequence order; events with a sequence number at or below
/// the snapshot's <c>lastEventSeq</c> are already in the snapshot. On reconnect, subscribe again.
/// </summary>
[Authorize]
public sealed class JobsHub(IClusterClient cluster, JobFeedBridge bridge) : Hub
{
    public const string EventMethod = "jobEvent";

    public async Task<JobView> SubscribeJob(Guid jobId)
    {
        var orgId = ActAsCaller();
        await bridge.ListenToAsync(orgId);
        var group = JobGroups.Job(orgId, jobId);
        // Join first, then read: no event can fall between the snapshot and the stream.
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        try
        {
            return await cluster.GetGrain<IJobGrain>(JobKey.Format(orgId, jobId)).GetAsync();
        }
        catch (MolDashException e)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
            throw new HubException(e.Message);
        }
    }

    public Task UnsubscribeJob(Guid jobId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, JobGroups.Job(ActAsCaller(), jobId));

    public async Task SubscribeOrg()
    {
        var orgId = ActAsCaller();
        // A grain call as the member: the silo's access filter checks the membership is still live.
        await cluster.GetGrain<IOrganizationGrain>(orgId).GetAsync();
        await bridge.ListenToAsync(orgId);
        await Groups.AddToGroupAsync(Context.ConnectionId, JobGroups.Org(orgId));
    }

    public Task UnsubscribeOrg() =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, JobGroups.Org(ActAsCaller()));

    /// <summary>Carries the signed-in member into grain calls and returns their org; Root, which has none, follows jobs through the REST API.</summary>
    private Guid ActAsCaller()
    {
        var caller = CallerClaims.ToCaller(Context.User) ?? throw new HubException("Sign in first.");
        if (caller.OrgId is not { } orgId)
        {
            throw new HubException("Live status is per organization; sign in as a member of one.");
        }

        CallerContext.Set(caller);
        return orgId;
    }
}
