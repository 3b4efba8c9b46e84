using MolDash.GrainInterfaces.Access;

namespace MolDash.GrainInterfaces.Identity;

/// <summary>
/// One sign-in through an OpenID Connect provider (authorization code flow with PKCE), keyed by its random
/// state value. Its secrets (nonce, PKCE verifier) stay in this activation's memory; the sign-in can be
/// completed once, within a few minutes, from the browser that started it. Called before anyone is signed in.
/// </summary>
[AllowAnonymousCalls]
[Alias("MolDash.IExternalLoginGrain")]
public interface IExternalLoginGrain : IGrainWithStringKey
{
    /// <returns>The provider's authorization URL to send the browser to.</returns>
    [Alias("Begin")]
    Task<string> BeginAsync(ExternalLoginStart start);

    /// <summary>Redeems the code, validates the ID token, links or finds the user and opens a session.</summary>
    [Alias("Complete")]
    Task<SignedIn> CompleteAsync(ExternalLoginCompletion completion);
}
