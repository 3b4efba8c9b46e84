namespace MolDash.Api.Contracts;

public sealed record CurrentUserResponse(Guid UserId, string? Email, Guid? OrgId, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);
