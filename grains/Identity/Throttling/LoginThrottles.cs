using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Audit;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Identity;
using MolDash.Grains.Audit;

namespace MolDash.Grains.Identity.Throttling;

/// <summary>
/// Throttles every check of a password (sign-in, a password change, an invitation for an existing account)
/// per account and per client address, so none of them is a way around the others' lockout.
/// </summary>
public sealed class LoginThrottles(IGrainFactory grains, Auditor auditor)
{
    /// <summary>A 429 with Retry-After while the account or the client address is locked out (audited).</summary>
    public async Task RefuseWhileLockedOutAsync(string email)
    {
        var lockouts = await Task.WhenAll(For(email).Select(throttle => throttle.CheckAsync()));
        var retryAfter = lockouts.Max();
        if (retryAfter is null)
        {
            return;
        }

        await auditor.RecordAsync(AuditActions.LoginThrottled, email, AuditOutcome.Denied, actorEmail: email);
        throw new MolDashException(ErrorKind.TooManyRequests, "Too many failed sign-in attempts; try again later.")
        {
            RetryAfter = retryAfter,
        };
    }

    public Task RecordFailureAsync(string email) => Task.WhenAll(For(email).Select(throttle => throttle.RecordFailureAsync()));

    /// <summary>The right password clears the account's failures (not the address's, which may be guessing at others).</summary>
    public Task ResetAccountAsync(string email) => grains.GetGrain<ILoginThrottleGrain>(LoginThrottleKeys.Account(email)).ResetAsync();

    /// <summary>The account's throttle first, then the client address's when the request has one.</summary>
    private List<ILoginThrottleGrain> For(string email)
    {
        var throttles = new List<ILoginThrottleGrain> { grains.GetGrain<ILoginThrottleGrain>(LoginThrottleKeys.Account(email)) };
        if (ClientAddressContext.Current is { } client)
        {
            throttles.Add(grains.GetGrain<ILoginThrottleGrain>(LoginThrottleKeys.Client(client)));
        }

        return throttles;
    }
}
