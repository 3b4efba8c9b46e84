using MolDash.GrainInterfaces.Access;

namespace MolDash.GrainInterfaces.Identity;

/// <summary>
/// Counts failed sign-ins for one key ("account:&lt;email&gt;" or "client:&lt;address&gt;") across the cluster
/// and locks the key out for the rest of the window once too many failed.
/// Called during sign-in, before anyone is signed in.
/// </summary>
[AllowAnonymousCalls]
[Alias("MolDash.ILoginThrottleGrain")]
public interface ILoginThrottleGrain : IGrainWithStringKey
{
    /// <returns>How long the key is still locked out, or null when an attempt may go ahead.</returns>
    [Alias("Check")]
    Task<TimeSpan?> CheckAsync();

    [Alias("RecordFailure")]
    Task RecordFailureAsync();

    [Alias("Reset")]
    Task ResetAsync();
}
