using MolDash.GrainInterfaces.Identity;

namespace MolDash.Grains.Identity.External;

/// <summary>A provider's row, with its client secret still encrypted.</summary>
public sealed record IdentityProviderRecord(
    string Name,
    string DisplayName,
    string Authority,
    string ClientId,
    string ProtectedSecret,
    IReadOnlyList<string> AllowedDomains,
    Guid? DefaultOrgId,
    string? DefaultRole,
    bool Enabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public IdentityProviderView ToView() =>
        new(Name, DisplayName, Authority, ClientId, AllowedDomains, DefaultOrgId, DefaultRole, Enabled, CreatedAt, UpdatedAt);
}
