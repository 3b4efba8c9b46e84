namespace MolDash.Grains.Persistence;

/// <summary>
/// Group commit: writes that arrive while one round trip is in flight go together in the next one, so under load
/// many jobs share a transaction, and alone a write goes at once. Each caller still waits for its own write.
/// When a shared round trip fails with an error that may be one write's own (<paramref name="isPerWriteError"/>,
/// for example a constraint PostgreSQL enforces), each of its writes is tried alone, so one bad write fails only itself.
/// </summary>
public sealed class GroupCommit<T>(Func<IReadOnlyList<T>, Task> writeAll, int maxPerRoundTrip, Func<Exception, bool>? isPerWriteError = null)
{
    private readonly Lock gate = new();
    private readonly List<(T Item, TaskCompletionSource Done)> waiting = [];
    private bool writing;

    public Task WriteAsync(T item)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool lead;
        lock (gate)
        {
            waiting.Add((item, done));
            lead = !writing;
            writing = true;
        }

        if (lead)
        {
            // Off the caller's scheduler: the loop serves every caller, not only the grain that started it.
            _ = Task.Run(WriteWhileWaitingAsync);
        }

        return done.Task;
    }

    private async Task WriteWhileWaitingAsync()
    {
        while (NextGroup() is { } group)
        {
            try
            {
                await writeAll([.. group.Select(entry => entry.Item)]);
                group.ForEach(entry => entry.Done.SetResult());
            }
            catch (Exception e) when (group.Count > 1 && isPerWriteError?.Invoke(e) == true)
            {
                foreach (var (item, done) in group)
                {
                    await WriteAloneAsync(item, done);
                }
            }
            catch (Exception e)
            {
                group.ForEach(entry => entry.Done.SetException(e));
            }
        }
    }

    private async Task WriteAloneAsync(T item, TaskCompletionSource done)
    {
        try
        {
            await writeAll([item]);
            done.SetResult();
        }
        catch (Exception e)
        {
            done.SetException(e);
        }
    }

    private List<(T Item, TaskCompletionSource Done)>? NextGroup()
    {
        lock (gate)
        {
            if (waiting.Count == 0)
            {
                writing = false;
                return null;
            }

            var take = Math.Min(waiting.Count, maxPerRoundTrip);
            var group = waiting.GetRange(0, take);
            waiting.RemoveRange(0, take);
            return group;
        }
    }
}
