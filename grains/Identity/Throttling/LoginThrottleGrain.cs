using Microsoft.Extensions.Options;
using MolDash.GrainInterfaces.Identity;

namespace MolDash.Grains.Identity.Throttling;

/// <summary>
/// Failures are kept in memory only: after a silo restart an attacker gets one fresh window, which is
/// cheaper than a database write on every failed sign-in.
/// </summary>
[GrainType("moldash-login-throttle")]
public sealed class LoginThrottleGrain(IOptions<LoginThrottleOptions> options, TimeProvider time) : Grain, ILoginThrottleGrain
{
    private readonly Queue<DateTimeOffset> failures = new();

    private int Limit => this.GetPrimaryKeyString().StartsWith(LoginThrottleKeys.AccountPrefix, StringComparison.Ordinal)
        ? options.Value.MaxFailuresPerAccount
        : options.Value.MaxFailuresPerClient;

    public Task<TimeSpan?> CheckAsync()
    {
        Forget();
        TimeSpan? lockedFor = failures.Count >= Limit ? failures.Peek() + options.Value.Window - time.GetUtcNow() : null;
        return Task.FromResult(lockedFor);
    }

    public Task RecordFailureAsync()
    {
        Forget();
        failures.Enqueue(time.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task ResetAsync()
    {
        failures.Clear();
        return Task.CompletedTask;
    }

    private void Forget()
    {
        var since = time.GetUtcNow() - options.Value.Window;
        while (failures.Count > 0 && failures.Peek() <= since)
        {
            failures.Dequeue();
        }
    }
}
