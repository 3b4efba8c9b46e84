namespace MolDash.GrainInterfaces.Invitations;

/// <summary>Who is invited into an org, and what they will hold there once they accept.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.InvitationDraft")]
public sealed record InvitationDraft
{
    [Id(0)] public required string Email { get; init; }
    [Id(1)] public string DisplayName { get; init; } = "";
    [Id(2)] public required IReadOnlyList<string> Roles { get; init; }
    /// <summary>Permissions beyond the roles' defaults.</summary>
    [Id(3)] public IReadOnlyList<string> Grant { get; init; } = [];
    /// <summary>Permissions of the roles' defaults the user will not hold.</summary>
    [Id(4)] public IReadOnlyList<string> Withhold { get; init; } = [];
}
