namespace MolDash.Api.Contracts;

public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);
