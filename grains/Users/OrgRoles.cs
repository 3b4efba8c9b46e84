using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;

namespace MolDash.Grains.Users;

/// <summary>The roles a membership can hold; Root is a platform account, never an org role.</summary>
public static class OrgRoles
{
    private static readonly string[] Assignable = [MolDashRoles.Admin, MolDashRoles.Standard];

    public static string[] Validate(IReadOnlyList<string>? roles)
    {
        var normalized = (roles ?? []).Select(role => role.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (normalized.Length == 0 || normalized.Any(role => !Assignable.Contains(role)))
        {
            throw new MolDashException(ErrorKind.Validation,
                $"roles must name at least one of: {string.Join(", ", Assignable)}.");
        }

        return normalized;
    }
}
