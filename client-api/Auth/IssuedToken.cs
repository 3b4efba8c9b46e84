namespace MolDash.Api.Auth;

public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);
