namespace MolDash.GrainInterfaces.Invitations;

/// <summary>
/// An organization's invitations (keyed by the org id), managed by members holding user.manage and by Root.
/// Another org's caller is told the invitation does not exist.
/// </summary>
[Alias("MolDash.IOrgInvitationsGrain")]
public interface IOrgInvitationsGrain : IGrainWithGuidKey
{
    /// <summary>Invites an email with roles and permissions; the token comes back once.</summary>
    [Alias("Invite")]
    Task<CreatedInvitation> InviteAsync(InvitationDraft draft);

    /// <summary>Invitations neither accepted, revoked nor expired, oldest first.</summary>
    [Alias("ListPending")]
    Task<InvitationPage> ListPendingAsync(string? after, int limit);

    /// <summary>Makes a pending invitation's token worthless; an accepted one is a conflict.</summary>
    [Alias("Revoke")]
    Task<InvitationView> RevokeAsync(Guid invitationId);
}
