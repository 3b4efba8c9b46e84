namespace MolDash.GrainInterfaces.Users;

/// <summary>
/// A member's permissions: <see cref="Effective"/> is their roles' <see cref="Defaults"/> plus
/// <see cref="Granted"/>, less <see cref="Withheld"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("MolDash.UserPermissions")]
public sealed record UserPermissions(
    [property: Id(0)] IReadOnlyList<string> Defaults,
    [property: Id(1)] IReadOnlyList<string> Granted,
    [property: Id(2)] IReadOnlyList<string> Withheld,
    [property: Id(3)] IReadOnlyList<string> Effective);
