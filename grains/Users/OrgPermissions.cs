using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Errors;
using MolDash.GrainInterfaces.Tasks;
using MolDash.GrainInterfaces.Users;
using static MolDash.GrainInterfaces.Access.MolDashPermissions;

namespace MolDash.Grains.Users;

/// <summary>
/// What each role may do by default and how a member's grants and withholdings change that. Withholding
/// names whole permissions of the defaults; narrowing task.execute is withholding it and granting the
/// scoped ones ("task.execute:dock", "task.execute:category/docking").
/// </summary>
public static class OrgPermissions
{
    public const int MaxPerList = 100;
    private const int MaxCategoryLength = 50;
    private static readonly string[] StandardDefaults = [JobCreate, TaskExecute];

    public static IReadOnlyList<string> DefaultsOf(IReadOnlyList<string> roles) =>
        roles.Contains(MolDashRoles.Admin) ? All
        : roles.Contains(MolDashRoles.Standard) ? StandardDefaults
        : [];

    /// <summary>The roles whose defaults include <paramref name="permission"/>.</summary>
    public static string[] RolesGranting(string permission) =>
        [.. new[] { MolDashRoles.Admin, MolDashRoles.Standard }.Where(role => DefaultsOf([role]).Contains(permission))];

    public static string[] Effective(IReadOnlyList<string> roles, IReadOnlyList<string> granted, IReadOnlyList<string> withheld) =>
        [.. DefaultsOf(roles).Union(granted, StringComparer.Ordinal).Except(withheld, StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static UserPermissions Of(IReadOnlyList<string> roles, IReadOnlyList<string> granted, IReadOnlyList<string> withheld) =>
        new(DefaultsOf(roles), granted, withheld, Effective(roles, granted, withheld));

    /// <summary>Checks and normalises what is granted and withheld: a 422 naming each bad entry.</summary>
    public static (string[] Grant, string[] Withhold) Validate(IReadOnlyList<string>? grant, IReadOnlyList<string>? withhold)
    {
        var errors = new List<FieldError>();
        var granted = Normalize(grant, "/grant", allowScoped: true, errors);
        var withheld = Normalize(withhold, "/withhold", allowScoped: false, errors);
        errors.AddRange(granted.Intersect(withheld, StringComparer.Ordinal)
            .Select(both => new FieldError("/withhold", $"{both} is also granted; a permission is either granted or withheld.")));
        return errors.Count > 0
            ? throw MolDashException.Invalid("The permissions are not valid; each error names the entry.", errors)
            : (granted, withheld);
    }

    private static string[] Normalize(IReadOnlyList<string>? permissions, string field, bool allowScoped, List<FieldError> errors)
    {
        var list = permissions ?? [];
        if (list.Count > MaxPerList)
        {
            errors.Add(new FieldError(field, $"At most {MaxPerList} permissions."));
            return [];
        }

        var normalized = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var permission = Normal(list[i]);
            if (permission is null || (!allowScoped && !All.Contains(permission)))
            {
                errors.Add(new FieldError($"{field}/{i}", allowScoped
                    ? $"'{list[i]}' is not a permission; known: {string.Join(", ", All)}, task.execute:<task name>, task.execute:category/<category>."
                    : $"'{list[i]}' cannot be withheld; withhold one of: {string.Join(", ", All)}."));
                continue;
            }

            normalized.Add(permission);
        }

        return [.. normalized];
    }

    private static string? Normal(string? entry)
    {
        var permission = entry?.Trim() ?? "";
        if (!permission.StartsWith(TaskExecuteScope, StringComparison.OrdinalIgnoreCase))
        {
            permission = permission.ToLowerInvariant();
            return All.Contains(permission) ? permission : null;
        }

        var scope = permission[TaskExecuteScope.Length..];
        if (scope.StartsWith(CategoryScope, StringComparison.OrdinalIgnoreCase))
        {
            var category = scope[CategoryScope.Length..].Trim();
            return category.Length is > 0 and <= MaxCategoryLength && !category.Any(char.IsControl) ? ExecuteCategory(category) : null;
        }

        var task = scope.Trim().ToLowerInvariant();
        return TaskDefinitionKey.IsValidName(task) ? ExecuteTask(task) : null;
    }
}
