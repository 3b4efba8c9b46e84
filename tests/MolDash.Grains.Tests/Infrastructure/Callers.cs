using MolDash.GrainInterfaces.Access;

namespace MolDash.Grains.Tests.Infrastructure;

public static class Callers
{
    public static Caller Root() => new(Guid.NewGuid(), null, [MolDashRoles.Root]);

    public static Caller AdminOf(Guid orgId) => new(Guid.NewGuid(), orgId, [MolDashRoles.Admin]);

    public static Caller StandardOf(Guid orgId) => new(Guid.NewGuid(), orgId, [MolDashRoles.Standard]);

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
