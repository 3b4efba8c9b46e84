namespace MolDash.GrainInterfaces.Identity;

/// <summary>An identity at an OpenID Connect provider (issuer and subject) that signs in as a MolDash user.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.ExternalIdentityLink")]
public sealed record ExternalIdentityLink(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Provider,
    [property: Id(2)] string Issuer,
    [property: Id(3)] string Subject,
    [property: Id(4)] Guid UserId,
    [property: Id(5)] string Email,
    [property: Id(6)] DateTimeOffset LinkedAt,
    [property: Id(7)] DateTimeOffset? LastLoginAt);
