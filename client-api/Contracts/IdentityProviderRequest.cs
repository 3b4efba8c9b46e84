namespace MolDash.Api.Contracts;

/// <param name="Name">Only when creating: the provider's name in URLs (/api/v1/auth/external/{name}/login).</param>
/// <param name="ClientSecret">Required when creating; left out on an update, the stored one is kept. Never returned.</param>
/// <param name="Enabled">True when left out.</param>
public sealed record IdentityProviderRequest(
    string? Name,
    string? DisplayName,
    string? Authority,
    string? ClientId,
    string? ClientSecret,
    IReadOnlyList<string>? AllowedDomains,
    Guid? DefaultOrgId,
    string? DefaultRole,
    bool? Enabled);
