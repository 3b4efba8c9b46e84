using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Jobs;
using Orleans.Concurrency;

namespace MolDash.Grains.Jobs;

/// <summary>
/// Reentrant so that many jobs submitted at once share one state write: each watch waits for the first
/// write that starts after its id was added, and writes never overlap.
/// </summary>
[Reentrant]
[GrainType("moldash-job-watchdog")]
public sealed class JobWatchdogGrain(
    [PersistentState("job-watchdog", GrainStorageNames.Default)] IPersistentState<JobWatchdogState> state,
    IOptions<JobOptions> options,
    ILogger<JobWatchdogGrain> logger) : Grain, IJobWatchdogGrain, IRemindable
{
    private const string Tick = "tick";

    /// <summary>Checks in flight at once on a tick, so a shard with many jobs does not flood the silo.</summary>
    private const int ChecksAtOnce = 64;

    private readonly HashSet<Guid> watched = [];
    private Task reminderTurn = Task.CompletedTask;
    private readonly TimeSpan period = options.Value.WatchdogPeriod;
    private TaskCompletionSource? nextWrite;
    private bool writing;
    private bool reminderRegistered;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        watched.UnionWith(state.State.Jobs);
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task WatchAsync(Guid jobId)
    {
        watched.Add(jobId);
        await EnsureReminderAsync();
        await PersistAsync();
    }

    public Task ForgetAsync(Guid jobId)
    {
        watched.Remove(jobId);
        return Task.CompletedTask;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != Tick)
        {
            return;
        }

        var settled = new List<Guid>();
        foreach (var chunk in watched.ToList().Chunk(ChecksAtOnce))
        {
            var checks = await Task.WhenAll(chunk.Select(async jobId => (jobId, settled: await CheckAsync(jobId))));
            settled.AddRange(checks.Where(check => check.settled).Select(check => check.jobId));
        }

        watched.ExceptWith(settled);
        if (watched.Count != state.State.Jobs.Count || !watched.SetEquals(state.State.Jobs))
        {
            await PersistAsync();
        }

        await DropReminderIfIdleAsync();
    }

    private async Task<bool> CheckAsync(Guid jobId)
    {
        try
        {
            return await GrainFactory.GetGrain<IWatchedJob>(JobKey.Format(JobWatchdogKey.OrgOf(this.GetPrimaryKeyString()), jobId)).CheckAsync();
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            logger.LogWarning(e, "Job {JobId} could not be checked; it is checked again on the next tick", jobId);
            return false;
        }
    }

    /// <summary>Writes the list; calls made while a write is in flight share the next one.</summary>
    private Task PersistAsync()
    {
        nextWrite ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = nextWrite.Task;
        if (!writing)
        {
            _ = WriteWhilePendingAsync();
        }

        return written;
    }

    private async Task WriteWhilePendingAsync()
    {
        writing = true;
        try
        {
            while (nextWrite is { } batch)
            {
                nextWrite = null;
                // A fresh list: the storage serializes it while later watches change the set.
                state.State.Jobs = [.. watched];
                try
                {
                    await state.WriteStateAsync();
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    batch.SetException(e);
                }
            }
        }
        finally
        {
            writing = false;
        }
    }

    // Registering and dropping the reminder take turns, so a watch never lands between "empty" and "unregistered".
    private Task EnsureReminderAsync() => InReminderTurnAsync(async () =>
    {
        if (!reminderRegistered)
        {
            await this.RegisterOrUpdateReminder(Tick, period, period);
            reminderRegistered = true;
        }
    });

    private Task DropReminderIfIdleAsync() => InReminderTurnAsync(async () =>
    {
        if (watched.Count == 0 && await this.GetReminder(Tick) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            reminderRegistered = false;
        }
    });

    private Task InReminderTurnAsync(Func<Task> change)
    {
        var turn = AfterAsync(reminderTurn, change);
        reminderTurn = turn;
        return turn;
    }

    private static async Task AfterAsync(Task previous, Func<Task> change)
    {
        // The previous turn's failure was its own caller's to see.
        await previous.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Current);
        await change();
    }
}
