namespace MolDash.GrainInterfaces.Users;

/// <summary>A password reset token, shown once to whoever issued it (only its hash is stored).</summary>
[GenerateSerializer, Immutable, Alias("MolDash.PasswordResetTicket")]
public sealed record PasswordResetTicket(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Token,
    [property: Id(2)] DateTimeOffset ExpiresAt);
