namespace MolDash.GrainInterfaces.Identity;

/// <summary>An OpenID Connect provider as Root sees it: never with its client secret.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.IdentityProviderView")]
public sealed record IdentityProviderView(
    [property: Id(0)] string Name,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Authority,
    [property: Id(3)] string ClientId,
    [property: Id(4)] IReadOnlyList<string> AllowedDomains,
    [property: Id(5)] Guid? DefaultOrgId,
    [property: Id(6)] string? DefaultRole,
    [property: Id(7)] bool Enabled,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt);
