namespace MolDash.GrainInterfaces.Users;

/// <summary>What a user may do in an org right now.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.MembershipStatus")]
public sealed record MembershipStatus(
    [property: Id(0)] bool Active,
    [property: Id(1)] IReadOnlyList<string> Roles);
