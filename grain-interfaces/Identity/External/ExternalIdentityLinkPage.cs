namespace MolDash.GrainInterfaces.Identity;

[GenerateSerializer, Immutable, Alias("MolDash.ExternalIdentityLinkPage")]
public sealed record ExternalIdentityLinkPage(
    [property: Id(0)] IReadOnlyList<ExternalIdentityLink> Items,
    [property: Id(1)] string? NextCursor);
