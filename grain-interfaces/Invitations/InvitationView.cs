namespace MolDash.GrainInterfaces.Invitations;

[GenerateSerializer, Immutable, Alias("MolDash.InvitationView")]
public sealed record InvitationView
{
    [Id(0)] public required Guid Id { get; init; }
    [Id(1)] public required Guid OrgId { get; init; }
    [Id(2)] public required string Email { get; init; }
    [Id(3)] public required string DisplayName { get; init; }
    [Id(4)] public required IReadOnlyList<string> Roles { get; init; }
    [Id(5)] public required IReadOnlyList<string> Grant { get; init; }
    [Id(6)] public required IReadOnlyList<string> Withhold { get; init; }
    [Id(7)] public required InvitationStatus Status { get; init; }
    [Id(8)] public required Guid CreatedBy { get; init; }
    [Id(9)] public required DateTimeOffset CreatedAt { get; init; }
    [Id(10)] public required DateTimeOffset ExpiresAt { get; init; }
    [Id(11)] public DateTimeOffset? AcceptedAt { get; init; }
    [Id(12)] public DateTimeOffset? RevokedAt { get; init; }
}
