using MolDash.GrainInterfaces.Access;

namespace MolDash.GrainInterfaces.Identity;

/// <summary>
/// The OpenID Connect providers users may sign in with, and the identities linked through them (Root only).
/// Changes apply to the next sign-in, on every API instance, without a restart.
/// </summary>
[Alias("MolDash.IIdentityProvidersGrain")]
public interface IIdentityProvidersGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<IReadOnlyList<IdentityProviderView>> ListAsync();

    /// <summary>The enabled providers, for the sign-in page: open to anyone, so it tells only their names and display names.</summary>
    [AllowAnonymousCalls]
    [Alias("ListForSignIn")]
    Task<IReadOnlyList<SignInProvider>> ListForSignInAsync();

    [Alias("Get")]
    Task<IdentityProviderView> GetAsync(string name);

    [Alias("Create")]
    Task<IdentityProviderView> CreateAsync(string name, IdentityProviderSettings settings);

    [Alias("Update")]
    Task<IdentityProviderView> UpdateAsync(string name, IdentityProviderSettings settings);

    /// <summary>Deletes the provider and every identity linked through it.</summary>
    [Alias("Delete")]
    Task DeleteAsync(string name);

    /// <param name="userId">Only this user's links, or null for all of the provider's.</param>
    [Alias("ListLinks")]
    Task<ExternalIdentityLinkPage> ListLinksAsync(string provider, Guid? userId, string? after, int limit);

    /// <summary>Removes a link: the identity's next sign-in links again by verified email, or is refused.</summary>
    [Alias("Unlink")]
    Task UnlinkAsync(string provider, Guid linkId);
}
