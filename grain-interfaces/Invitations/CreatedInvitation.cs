namespace MolDash.GrainInterfaces.Invitations;

/// <summary>A new invitation and its token, shown this once (only the token's hash is stored).</summary>
[GenerateSerializer, Immutable, Alias("MolDash.CreatedInvitation")]
public sealed record CreatedInvitation(
    [property: Id(0)] InvitationView Invitation,
    [property: Id(1)] string Token);
