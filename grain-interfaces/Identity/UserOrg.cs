namespace MolDash.GrainInterfaces.Identity;

/// <summary>One organization a user belongs to, with their roles there.</summary>
/// <param name="Active">Whether the user can sign into it now: an enabled membership of an active org.</param>
[GenerateSerializer, Immutable, Alias("MolDash.UserOrg")]
public sealed record UserOrg(
    [property: Id(0)] Guid OrgId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Status,
    [property: Id(3)] IReadOnlyList<string> Roles,
    [property: Id(4)] bool Disabled,
    [property: Id(5)] bool Active);
