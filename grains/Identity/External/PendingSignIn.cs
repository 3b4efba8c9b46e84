namespace MolDash.Grains.Identity.External;

/// <summary>A started external sign-in's secrets, held only in its grain's memory until the provider sends the browser back.</summary>
public sealed record PendingSignIn(
    string Provider, string RedirectUri, string Nonce, string CodeVerifier, byte[] BrowserBindingHash, Guid? OrgId, DateTimeOffset ExpiresAt);
