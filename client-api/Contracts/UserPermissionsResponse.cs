using MolDash.GrainInterfaces.Users;

namespace MolDash.Api.Contracts;

/// <param name="Effective">What the user may do: the <paramref name="Defaults"/> of their roles, plus granted, less withheld.</param>
public sealed record UserPermissionsResponse(
    Guid UserId, IReadOnlyList<string> Roles, IReadOnlyList<string> Defaults,
    IReadOnlyList<string> Granted, IReadOnlyList<string> Withheld, IReadOnlyList<string> Effective)
{
    public static UserPermissionsResponse Of(OrgUserView user) => new(
        user.UserId, user.Roles, user.Permissions.Defaults, user.Permissions.Granted, user.Permissions.Withheld, user.Permissions.Effective);
}
