using MolDash.GrainInterfaces.Access;
using MolDash.Grains.Users;

namespace MolDash.Grains.Tests.Infrastructure;

public static class Callers
{
    public static Caller Root() => new(Guid.NewGuid(), null, [MolDashRoles.Root]);

    /// <summary>A new member of <paramref name="orgId"/> holding the Admin role there.</summary>
    public static Caller AdminOf(Guid orgId) => Member(orgId, MolDashRoles.Admin);

    public static Caller StandardOf(Guid orgId) => Member(orgId, MolDashRoles.Standard);

    /// <summary>A new member with <paramref name="role"/>, permissions granted beyond its defaults and withheld from them, with a token that says so.</summary>
    public static Caller Member(Guid orgId, string role, string[]? granted = null, string[]? withheld = null)
    {
        var userId = Guid.NewGuid();
        var stamp = ClusterFixture.Memberships.Put(orgId, userId, [role], granted: granted, withheld: withheld);
        return new Caller(userId, orgId, [role])
        {
            Permissions = OrgPermissions.Effective([role], granted ?? [], withheld ?? []),
            SecurityStamp = stamp,
        };
    }

    /// <summary>Makes the following grain calls on this async flow as <paramref name="caller"/>.</summary>
    public static void ActAs(Caller? caller)
    {
        if (caller is null)
        {
            CallerContext.Clear();
        }
        else
        {
            CallerContext.Set(caller);
        }
    }
}
