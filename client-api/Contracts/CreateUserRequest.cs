namespace MolDash.Api.Contracts;

/// <param name="Password">Optional: without one, an initial password is generated and returned once.</param>
public sealed record CreateUserRequest(string? Email, string? DisplayName, string? Password, IReadOnlyList<string>? Roles);
