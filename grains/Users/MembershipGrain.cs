using MolDash.GrainInterfaces.Users;

namespace MolDash.Grains.Users;

/// <summary>
/// Holds the membership in memory while in use; the metadata database stays the source of truth. The org
/// users grain invalidates this copy whenever it changes the membership, so that takes effect at once;
/// changes it does not see (the org being suspended) reach live tokens within <see cref="MaxAge"/>.
/// </summary>
[GrainType("moldash-membership")]
public sealed class MembershipGrain(IOrgMemberships memberships, TimeProvider time) : Grain, IMembershipGrain
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private MembershipStatus? status;
    private DateTimeOffset loadedAt;

    public async Task<MembershipStatus> GetAsync()
    {
        if (status is null || time.GetUtcNow() - loadedAt > MaxAge)
        {
            await InvalidateAsync();
        }

        return status!;
    }

    public async Task InvalidateAsync()
    {
        var (orgId, userId) = MembershipKey.Parse(this.GetPrimaryKeyString());
        status = await memberships.StatusAsync(orgId, userId);
        loadedAt = time.GetUtcNow();
    }
}
