using MolDash.GrainInterfaces.Invitations;
using MolDash.Grains.Identity;
using MolDash.Grains.Persistence;

namespace MolDash.Grains.Invitations;

/// <summary>Invitations in the metadata database; a token is only ever looked up by its SHA-256.</summary>
public interface IInvitationStore
{
    Task AddAsync(InvitationView invitation, string tokenHash);

    /// <summary>Invitations neither accepted, revoked nor expired at <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<InvitationView>> ListPendingAsync(Guid orgId, KeysetCursor? after, int limit, DateTimeOffset now);

    Task<InvitationView?> FindAsync(Guid orgId, Guid invitationId, DateTimeOffset now);

    Task<bool> HasPendingAsync(Guid orgId, string email, DateTimeOffset now);

    /// <returns>False when the invitation was no longer pending.</returns>
    Task<bool> RevokeAsync(Guid orgId, Guid invitationId, DateTimeOffset now);

    /// <returns>The invitation of the token and whether its org is active, or null for a token never issued.</returns>
    Task<(InvitationView Invitation, bool OrgActive)?> FindByTokenAsync(string tokenHash, DateTimeOffset now);

    /// <summary>
    /// In one transaction: marks the invitation accepted, creates the account unless its email has one, and
    /// adds the membership with the invitation's roles and permissions. A user already in the org is a
    /// conflict, and nothing is written.
    /// </summary>
    /// <returns>The member's user id and whether the account was created, or null when the invitation was no longer pending.</returns>
    Task<(Guid UserId, bool AccountCreated)?> AcceptAsync(string tokenHash, UserAccount account, string displayName, DateTimeOffset now);
}
