namespace MolDash.Grains.Identity.Passwords;

/// <summary>A stored password reset token (by its hash): whose, and whether it can still be used.</summary>
public sealed record PasswordResetRecord(Guid UserId, Guid OrgId, DateTimeOffset ExpiresAt, bool Used);
