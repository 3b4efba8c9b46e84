namespace MolDash.GrainInterfaces.Organizations;

/// <summary>The first Admin of a new organization: an account made for that email, or an existing account joined to the org.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.InitialAdmin")]
public sealed record InitialAdmin(
    [property: Id(0)] string Email,
    [property: Id(1)] string? DisplayName);
