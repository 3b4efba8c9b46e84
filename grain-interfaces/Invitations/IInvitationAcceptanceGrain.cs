using MolDash.GrainInterfaces.Access;
using MolDash.GrainInterfaces.Identity;

namespace MolDash.GrainInterfaces.Invitations;

/// <summary>Redeems invitation tokens. Called by someone not signed in yet: the token is their credential.</summary>
[AllowAnonymousCalls]
[Alias("MolDash.IInvitationAcceptanceGrain")]
public interface IInvitationAcceptanceGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Joins the invited email to the org and signs them in there. A new email gets an account with
    /// <paramref name="password"/> (the password policy applies); an email that has an account already
    /// must give that account's current password, which stays as it is.
    /// </summary>
    [Alias("Accept")]
    Task<SignedIn> AcceptAsync(string token, string password, string? displayName);
}
