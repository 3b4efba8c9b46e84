namespace MolDash.Api.Contracts;

public sealed record SwitchOrgRequest(Guid? OrgId);
