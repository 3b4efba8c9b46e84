namespace MolDash.Api.Contracts;

public sealed record CreateOrganizationRequest(string? Name);
