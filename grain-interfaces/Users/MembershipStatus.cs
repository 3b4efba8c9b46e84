namespace MolDash.GrainInterfaces.Users;

/// <summary>What a user may do in an org right now.</summary>
/// <param name="SecurityStamp">Changes with every change to the membership (roles, permissions, enabled) and to the user's password.</param>
[GenerateSerializer, Immutable, Alias("MolDash.MembershipStatus")]
public sealed record MembershipStatus(
    [property: Id(0)] bool Active,
    [property: Id(1)] IReadOnlyList<string> Roles,
    [property: Id(2)] IReadOnlyList<string> Permissions,
    [property: Id(3)] string? SecurityStamp);
