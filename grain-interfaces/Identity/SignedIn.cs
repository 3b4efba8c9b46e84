namespace MolDash.GrainInterfaces.Identity;

/// <summary>A signed-in user and the opaque refresh token of their session (shown to the client only).</summary>
[GenerateSerializer, Immutable, Alias("MolDash.SignedIn")]
public sealed record SignedIn(
    [property: Id(0)] AuthenticatedUser User,
    [property: Id(1)] string RefreshToken,
    [property: Id(2)] DateTimeOffset RefreshExpiresAt);
