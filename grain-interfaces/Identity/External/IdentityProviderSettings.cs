namespace MolDash.GrainInterfaces.Identity;

/// <summary>What Root configures for an OpenID Connect provider.</summary>
/// <param name="Authority">The issuer URL; its discovery document is at "{Authority}/.well-known/openid-configuration".</param>
/// <param name="ClientSecret">Required when the provider is created; null on an update keeps the stored one.</param>
/// <param name="AllowedDomains">Email domains whose users may sign in through this provider (at least one).</param>
/// <param name="DefaultOrgId">The org signed into when the sign-in names none; with <paramref name="DefaultRole"/>, users of the
/// allowed domains who have an account but no membership there join it with that role.</param>
[GenerateSerializer, Immutable, Alias("MolDash.IdentityProviderSettings")]
public sealed record IdentityProviderSettings(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] string Authority,
    [property: Id(2)] string ClientId,
    [property: Id(3)] string? ClientSecret,
    [property: Id(4)] IReadOnlyList<string> AllowedDomains,
    [property: Id(5)] Guid? DefaultOrgId,
    [property: Id(6)] string? DefaultRole,
    [property: Id(7)] bool Enabled);
