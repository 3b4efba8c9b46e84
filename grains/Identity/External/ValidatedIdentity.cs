namespace MolDash.Grains.Identity.External;

/// <summary>Who an ID token says signed in, once its signature, issuer, audience, lifetime and nonce were checked.</summary>
public sealed record ValidatedIdentity(string Issuer, string Subject, string? Email, bool EmailVerified);
