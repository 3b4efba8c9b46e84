using MolDash.GrainInterfaces.Identity;
using MolDash.Grains.Persistence;

namespace MolDash.Grains.Identity.External;

/// <summary>Identity providers and linked external identities in the metadata database.</summary>
public interface IIdentityProviderStore
{
    Task<IReadOnlyList<IdentityProviderRecord>> ListAsync();

    Task<IdentityProviderRecord?> FindAsync(string name);

    /// <returns>False when a provider of that name exists (nothing is written).</returns>
    Task<bool> InsertAsync(IdentityProviderRecord provider);

    /// <returns>False when there is no provider of that name.</returns>
    Task<bool> UpdateAsync(IdentityProviderRecord provider);

    /// <returns>False when there was no provider of that name.</returns>
    Task<bool> DeleteAsync(string name);

    Task<ExternalIdentityLink?> FindLinkAsync(string issuer, string subject);

    /// <returns>The link of (issuer, subject): this one, or the one another sign-in made first.</returns>
    Task<ExternalIdentityLink> LinkAsync(ExternalIdentityLink link);

    Task TouchLinkAsync(Guid linkId, DateTimeOffset at);

    Task<IReadOnlyList<ExternalIdentityLink>> ListLinksAsync(string provider, Guid? userId, KeysetCursor? after, int limit);

    /// <returns>The removed link, or null when the provider has no such link.</returns>
    Task<ExternalIdentityLink?> UnlinkAsync(string provider, Guid linkId);
}
