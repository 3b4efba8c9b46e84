namespace MolDash.Api.Contracts;

/// <param name="Grant">Permissions beyond the roles' defaults, such as "audit.read" or "task.execute:dock".</param>
/// <param name="Withhold">Permissions of the roles' defaults the user will not hold, such as "task.execute".</param>
public sealed record InviteUserRequest(
    string? Email, string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Grant, IReadOnlyList<string>? Withhold);
