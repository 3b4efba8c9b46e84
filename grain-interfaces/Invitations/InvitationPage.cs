namespace MolDash.GrainInterfaces.Invitations;

[GenerateSerializer, Immutable, Alias("MolDash.InvitationPage")]
public sealed record InvitationPage(
    [property: Id(0)] IReadOnlyList<InvitationView> Items,
    [property: Id(1)] string? NextCursor);
