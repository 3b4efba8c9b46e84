namespace MolDash.GrainInterfaces.Users;

/// <summary>A new user and, when the platform chose it, the initial password to hand over once.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.CreatedOrgUser")]
public sealed record CreatedOrgUser(
    [property: Id(0)] OrgUserView User,
    [property: Id(1)] string? InitialPassword);
