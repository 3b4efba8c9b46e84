using MolDash.GrainInterfaces.Users;
using Orleans.Concurrency;

namespace MolDash.Grains.Users;

/// <summary>
/// Holds the membership in memory while in use; the metadata database stays the source of truth, and
/// the org users grain invalidates this copy whenever it changes a membership.
/// </summary>
[GrainType("moldash-membership")]
public sealed class MembershipGrain(IOrgMemberships memberships) : Grain, IMembershipGrain
{
    private static readonly MembershipStatus None = new(false, []);
    private MembershipStatus? status;

    [ReadOnly]
    public async Task<MembershipStatus> GetAsync() => status ??= await LoadAsync();

    public async Task InvalidateAsync() => status = await LoadAsync();

    private async Task<MembershipStatus> LoadAsync()
    {
        var (orgId, userId) = MembershipKey.Parse(this.GetPrimaryKeyString());
        var member = await memberships.FindAsync(orgId, userId);
        return member is null ? None : new MembershipStatus(!member.Disabled, member.Roles);
    }
}
