using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace MolDash.EchoService.Echo;

/// <summary>
/// Every run of this process, by id (for polling) and by idempotency key (so a repeated key gets the
/// stored answer instead of a second execution). Kept in memory for the life of the process: this is a
/// test double, not a store.
/// </summary>
public sealed class EchoRuns(EchoInstance instance, TimeProvider time, IHostApplicationLifetime lifetime)
{
    private readonly ConcurrentDictionary<string, KeyedAttempts> byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, EchoRun> byId = new(StringComparer.Ordinal);
    private long executions;
    private long duplicates;
    private long inFlight;
    private long completed;
    private long abandoned;

    public EchoStats Stats => new(
        Interlocked.Read(ref executions), Interlocked.Read(ref duplicates), Interlocked.Read(ref inFlight),
        Interlocked.Read(ref completed), Interlocked.Read(ref abandoned));

    public EchoRun? Find(string id) => byId.GetValueOrDefault(id);

    /// <returns>False when there is no such run.</returns>
    public async Task<bool> CancelAsync(string id)
    {
        if (Find(id) is not { } run)
        {
            return false;
        }

        await run.Cancellation.CancelAsync();
        return true;
    }

    /// <param name="requestAborted">Ends a synchronous run when its caller goes away; async runs end only with the process.</param>
    public EchoAdmission Admit(string? idempotencyKey, EchoInput input, CancellationToken requestAborted)
    {
        if (idempotencyKey is null)
        {
            return new EchoAdmission(Start(input, 1, forget: null, requestAborted), 0);
        }

        var keyed = byKey.GetOrAdd(idempotencyKey, _ => new KeyedAttempts());
        lock (keyed)
        {
            if (keyed.Run is { } stored)
            {
                Interlocked.Increment(ref duplicates);
                return new EchoAdmission(stored, 0);
            }

            keyed.Attempts++;
            if (keyed.Attempts <= input.FailTimes)
            {
                return new EchoAdmission(null, keyed.Attempts);
            }

            keyed.Run = Start(input, keyed.Attempts, run =>
            {
                // A run that did not finish keeps no answer: the key's next attempt runs again.
                lock (keyed)
                {
                    if (ReferenceEquals(keyed.Run, run))
                    {
                        keyed.Run = null;
                    }
                }
            }, requestAborted);
            return new EchoAdmission(keyed.Run, 0);
        }
    }

    private EchoRun Start(EchoInput input, int attempt, Action<EchoRun>? forget, CancellationToken requestAborted)
    {
        var async = input.Mode == EchoMode.Async;
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(async ? lifetime.ApplicationStopping : requestAborted);
        var work = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = new EchoRun(Guid.NewGuid().ToString("N"), async, work.Task, cancellation);
        byId[run.Id] = run;
        Interlocked.Increment(ref executions);
        Interlocked.Increment(ref inFlight);
        _ = ExecuteAsync(run, input, attempt, work, forget, cancellation.Token);
        return run;
    }

    private async Task ExecuteAsync(
        EchoRun run, EchoInput input, int attempt, TaskCompletionSource<JsonObject> work, Action<EchoRun>? forget, CancellationToken cancellationToken)
    {
        // Off the admitting thread first, so even an instant cancellation finds the run stored under its key.
        await Task.Yield();
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(input.DelayMs), time, cancellationToken);
            work.SetResult(Output(input, attempt));
            Interlocked.Increment(ref completed);
        }
        catch (OperationCanceledException e)
        {
            Interlocked.Increment(ref abandoned);
            forget?.Invoke(run);
            work.SetCanceled(e.CancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private JsonObject Output(EchoInput input, int attempt) => new()
    {
        ["message"] = input.Message,
        ["echoedAt"] = time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["attempt"] = attempt,
        ["instance"] = instance.Name,
        ["confidence"] = Confidence(input.Seed),
    };

    // Reproducible from the seed so tests of confidence handling can choose a value; 1 without one.
    private static double Confidence(long? seed) =>
        seed is { } value ? Math.Round(new Random(value.GetHashCode()).NextDouble(), 4) : 1.0;
}
