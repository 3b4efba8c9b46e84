namespace MolDash.GrainInterfaces.Organizations;

/// <summary>An organization as listings show it (from the metadata catalog).</summary>
[GenerateSerializer, Immutable, Alias("MolDash.OrganizationSummary")]
public sealed record OrganizationSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] OrganizationStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] Guid CreatedBy);
