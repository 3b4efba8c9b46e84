using MolDash.GrainInterfaces.Organizations;

namespace MolDash.Api.Contracts;

/// <param name="Admin">
/// Optional first Admin (email, display name): a new account whose initial password the answer shows once,
/// or an existing account (by email) that joins as Admin and keeps its password.
/// </param>
/// <param name="Quotas">Optional quotas from the start; the defaults where left out.</param>
public sealed record CreateOrganizationRequest(string? Name, InitialAdmin? Admin = null, OrganizationQuotas? Quotas = null);
