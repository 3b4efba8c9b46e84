namespace MolDash.GrainInterfaces.Invitations;

[GenerateSerializer, Alias("MolDash.InvitationStatus")]
public enum InvitationStatus
{
    Pending = 0,
    Accepted = 1,
    Revoked = 2,
    Expired = 3,
}
