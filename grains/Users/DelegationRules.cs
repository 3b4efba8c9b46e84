using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Users;

namespace MolDash.Grains.Users;

/// <summary>
/// What someone who manages users may hand out or act on: never more than they hold themselves. Only
/// Admins (and Root) give the Admin role or act on an Admin; a permission is granted only by its holders.
/// </summary>
public static class DelegationRules
{
    public static bool IsAdmin(Caller caller) => caller.IsRoot || caller.Roles.Contains(MolDashRoles.Admin, StringComparer.Ordinal);

    public static void RequireMayAssign(Caller caller, IReadOnlyList<string> roles, IReadOnlyList<string> grant)
    {
        if (roles.Contains(MolDashRoles.Admin) && !IsAdmin(caller))
        {
            throw new MolDashException(ErrorKind.Forbidden, "Only Admins (and Root) can give the Admin role.");
        }

        var beyond = grant.Where(permission => !MayGrant(caller, permission)).ToList();
        if (beyond.Count > 0)
        {
            throw new MolDashException(ErrorKind.Forbidden, $"You can only grant permissions you hold yourself; not {string.Join(", ", beyond)}.");
        }
    }

    public static void RequireMayManage(Caller caller, OrgUserView member)
    {
        if (member.Roles.Contains(MolDashRoles.Admin) && !IsAdmin(caller))
        {
            throw new MolDashException(ErrorKind.Forbidden, "Only Admins (and Root) can change an Admin's account.");
        }
    }

    /// <summary>Holding task.execute on every task covers granting it on one task or category.</summary>
    private static bool MayGrant(Caller caller, string permission) =>
        caller.Has(permission)
        || (permission.StartsWith(MolDashPermissions.TaskExecuteScope, StringComparison.Ordinal) && caller.Has(MolDashPermissions.TaskExecute));
}
