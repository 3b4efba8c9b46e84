using MolDash.GrainInterfaces.Identity;

namespace MolDash.Grains.Users;

/// <summary>One enabled membership of a user, as sign-in needs it.</summary>
public sealed record Membership(Guid OrgId, string OrgName, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions, string SecurityStamp)
{
    /// <summary>The user signed into this org: what their tokens will say.</summary>
    public AuthenticatedUser SignedIn(Guid userId, string email) => new(userId, email, OrgId, Roles, Permissions, SecurityStamp);
}
