namespace MolDash.Api.Contracts;

/// <param name="RefreshToken">Exchanged at /auth/refresh for new tokens; each use replaces it.</param>
public sealed record LoginResponse(
    string AccessToken, string TokenType, int ExpiresIn, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset RefreshExpiresAt);
