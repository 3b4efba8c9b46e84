namespace MolDash.GrainInterfaces.Organizations;

[GenerateSerializer, Immutable, Alias("MolDash.OrganizationPage")]
public sealed record OrganizationPage(
    [property: Id(0)] IReadOnlyList<OrganizationSummary> Items,
    [property: Id(1)] string? NextCursor);
