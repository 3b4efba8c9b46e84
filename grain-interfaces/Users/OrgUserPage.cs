namespace MolDash.GrainInterfaces.Users;

[GenerateSerializer, Immutable, Alias("MolDash.OrgUserPage")]
public sealed record OrgUserPage(
    [property: Id(0)] IReadOnlyList<OrgUserView> Items,
    [property: Id(1)] string? NextCursor);
