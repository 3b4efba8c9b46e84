namespace MolDash.Api.Contracts;

/// <param name="OrgId">The organization to sign into; needed only by users who belong to several.</param>
public sealed record LoginRequest(string? Email, string? Password, Guid? OrgId);
