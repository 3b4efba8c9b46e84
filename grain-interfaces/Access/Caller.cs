namespace MolDash.GrainInterfaces.Access;

/// <summary>Who is making a grain call: travels in the Orleans RequestContext from the API.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.Caller")]
public sealed record Caller(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] Guid? OrgId,
    [property: Id(2)] IReadOnlyList<string> Roles)
{
    public bool IsRoot => Roles.Contains(MolDashRoles.Root, StringComparer.Ordinal);

    /// <summary>True when the caller may act on data owned by <paramref name="orgId"/>.</summary>
    public bool CanAccessOrg(Guid orgId) => IsRoot || OrgId == orgId;
}
