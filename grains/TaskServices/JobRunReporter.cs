using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Jobs;
using MolDash.GrainInterfaces.TaskServices;

namespace MolDash.Grains.TaskServices;

/// <summary>
/// Tells the dispatching job how its node's run goes. Progress reports are best effort and never fail
/// the run: the end result is what counts (it is reported separately, with retries).
/// </summary>
public sealed class JobRunReporter(IGrainFactory grains, TaskRunDispatch dispatch) : IRunReporter
{
    private IJobGrain Job => grains.GetGrain<IJobGrain>(dispatch.JobKey);

    public async Task StartedAsync(int attempt, Uri instance)
    {
        try
        {
            await Job.OnRunStartedAsync(dispatch.NodeId, dispatch.Request.RunId, attempt, instance.ToString());
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or MolDashException)
        {
            // The job learns the run's fate from its end report, or re-dispatches from its watchdog.
        }
    }

    public async Task AttemptFailedAsync(int attempt, string reason)
    {
        try
        {
            await Job.OnRunAttemptFailedAsync(dispatch.NodeId, dispatch.Request.RunId, attempt, reason);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or MolDashException)
        {
            // As above: progress only.
        }
    }
}
