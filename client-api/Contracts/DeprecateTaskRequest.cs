namespace MolDash.Api.Contracts;

public sealed record DeprecateTaskRequest(string? Reason);
