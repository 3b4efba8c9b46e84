namespace MolDash.GrainInterfaces.Identity;

/// <param name="Permissions">The effective permissions in <paramref name="OrgId"/>; empty for Root, who holds every one.</param>
/// <param name="SecurityStamp">The membership's stamp, carried in the access token; null for Root.</param>
[GenerateSerializer, Immutable, Alias("MolDash.AuthenticatedUser")]
public sealed record AuthenticatedUser(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] Guid? OrgId,
    [property: Id(3)] IReadOnlyList<string> Roles,
    [property: Id(4)] IReadOnlyList<string> Permissions,
    [property: Id(5)] string? SecurityStamp);
