namespace MolDash.Grains.Users;

/// <summary>One enabled membership of a user, as sign-in needs it.</summary>
public sealed record Membership(Guid OrgId, string OrgName, IReadOnlyList<string> Roles);
