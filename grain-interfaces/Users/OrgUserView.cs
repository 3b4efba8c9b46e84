namespace MolDash.GrainInterfaces.Users;

/// <summary>A user as seen inside one organization: their roles and permissions there and whether the account is enabled.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.OrgUserView")]
public sealed record OrgUserView(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] IReadOnlyList<string> Roles,
    [property: Id(4)] bool Disabled,
    [property: Id(5)] DateTimeOffset JoinedAt,
    [property: Id(6)] UserPermissions Permissions);
