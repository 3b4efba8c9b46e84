using MolDash.GrainInterfaces.Users;
using MolDash.Grains.Users;

namespace MolDash.Grains.Identity.Sessions;

/// <summary>
/// What follows a password change: every session of the user ends, and the memberships whose stamp changed
/// are re-read so their live access tokens stop at the next grain call rather than when they expire.
/// </summary>
public sealed class SessionRevocation(IRefreshTokenStore sessions, IGrainFactory grains, TimeProvider time)
{
    public async Task EndAllAsync(Guid userId, IReadOnlyList<Guid> stampedOrgs)
    {
        await sessions.RevokeAllOfUserAsync(userId, time.GetUtcNow());
        await Task.WhenAll(stampedOrgs.Select(org => grains.GetGrain<IMembershipGrain>(MembershipKey.For(org, userId)).InvalidateAsync()));
    }
}
