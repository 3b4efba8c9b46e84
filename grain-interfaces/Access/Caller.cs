namespace MolDash.GrainInterfaces.Access;

/// <summary>Who is making a grain call: travels in the Orleans RequestContext from the API.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.Caller")]
public sealed record Caller(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] Guid? OrgId,
    [property: Id(2)] IReadOnlyList<string> Roles)
{
    public bool IsRoot => Roles.Contains(MolDashRoles.Root, StringComparer.Ordinal);

    public bool IsPlatform => Roles.Contains(MolDashRoles.Platform, StringComparer.Ordinal);

    /// <summary>The platform acting inside <paramref name="orgId"/> on its own account, with no person behind the call.</summary>
    public static Caller PlatformIn(Guid orgId) => new(Guid.Empty, orgId, [MolDashRoles.Platform]);

    /// <summary>True when the caller may act on data owned by <paramref name="orgId"/>.</summary>
    public bool CanAccessOrg(Guid orgId) => IsRoot || OrgId == orgId;
}
