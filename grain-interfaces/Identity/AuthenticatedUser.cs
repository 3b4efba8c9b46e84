namespace MolDash.GrainInterfaces.Identity;

[GenerateSerializer, Immutable, Alias("MolDash.AuthenticatedUser")]
public sealed record AuthenticatedUser(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] Guid? OrgId,
    [property: Id(3)] IReadOnlyList<string> Roles);
