using MolDash.GrainInterfaces.Access;

namespace MolDash.Grains.Tests.Infrastructure;

public static class Callers
{
    public static Caller Root() => new(Guid.NewGuid(), null, [MolDashRoles.Root]);

    /// <summary>A new member of <paramref name="orgId"/> holding the Admin role there.</summary>
    public static Caller AdminOf(Guid orgId) => Member(orgId, MolDashRoles.Admin);

    public static Caller StandardOf(Guid orgId) => Member(orgId, MolDashRoles.Standard);

    private static Caller Member(Guid orgId, string role)
    {
        var caller = new Caller(Guid.NewGuid(), orgId, [role]);
        ClusterFixture.Memberships.Put(orgId, caller.UserId, caller.Roles);
        return caller;
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
