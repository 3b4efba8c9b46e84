namespace MolDash.Api.Contracts;

/// <param name="Password">The new account's password; for an email that has an account already, that account's current password.</param>
/// <param name="DisplayName">The new account's name (optional; the invitation's, or the email, otherwise).</param>
public sealed record AcceptInvitationRequest(string? Token, string? Password, string? DisplayName);
