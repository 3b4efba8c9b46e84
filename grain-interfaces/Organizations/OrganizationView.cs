namespace MolDash.GrainInterfaces.Organizations;

[GenerateSerializer, Immutable, Alias("MolDash.OrganizationView")]
public sealed record OrganizationView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] OrganizationStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] Guid CreatedBy,
    [property: Id(5)] OrganizationQuotas Quotas,
    [property: Id(6)] IReadOnlyList<ProvisioningStep> CompletedSteps,
    [property: Id(7)] ProvisioningFailure? Failure,
    [property: Id(8)] InitialAdminView? InitialAdmin = null,
    [property: Id(9)] DeletionProgress? Deletion = null);
