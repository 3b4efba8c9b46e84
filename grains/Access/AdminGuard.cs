using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Access;

/// <summary>The check for operations only an org's Admins (and Root) may perform.</summary>
public static class AdminGuard
{
    /// <param name="what">What is refused, as the end of "Only Admins of the organization and Root …".</param>
    public static Caller RequireAdmin(string what)
    {
        var caller = CallerContext.Current!;
        if (!caller.IsRoot && !caller.Roles.Contains(MolDashRoles.Admin, StringComparer.Ordinal))
        {
            throw new MolDashException(ErrorKind.Forbidden, $"Only Admins of the organization and Root {what}.");
        }

        return caller;
    }
}
