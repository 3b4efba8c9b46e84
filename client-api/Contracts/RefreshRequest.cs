namespace MolDash.Api.Contracts;

public sealed record RefreshRequest(string? RefreshToken);
