namespace MolDash.GrainInterfaces.Access;

/// <summary>Who is making a grain call: travels in the Orleans RequestContext from the API.</summary>
[GenerateSerializer, Immutable, Alias("MolDash.Caller")]
public sealed record Caller(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] Guid? OrgId,
    [property: Id(2)] IReadOnlyList<string> Roles)
{
    /// <summary>The member's effective permissions in <see cref="OrgId"/> (see <see cref="MolDashPermissions"/>).</summary>
    [Id(3)]
    public IReadOnlyList<string> Permissions { get; init; } = [];

    /// <summary>The membership's security stamp when the token was issued; the silo's access filter compares it with the live one.</summary>
    [Id(4)]
    public string? SecurityStamp { get; init; }

    public bool IsRoot => Roles.Contains(MolDashRoles.Root, StringComparer.Ordinal);

    public bool IsPlatform => Roles.Contains(MolDashRoles.Platform, StringComparer.Ordinal);

    /// <summary>The platform acting inside <paramref name="orgId"/> on its own account, with no person behind the call.</summary>
    public static Caller PlatformIn(Guid orgId) => new(Guid.Empty, orgId, [MolDashRoles.Platform]);

    /// <summary>True when the caller may act on data owned by <paramref name="orgId"/>.</summary>
    public bool CanAccessOrg(Guid orgId) => IsRoot || OrgId == orgId;

    /// <summary>Root and the platform hold every permission; a member holds those of their token.</summary>
    public bool Has(string permission) => IsRoot || IsPlatform || Permissions.Contains(permission, StringComparer.Ordinal);

    /// <summary>Whether the caller may run the task: task.execute on all tasks, on this one by name, or on its category.</summary>
    public bool MayExecute(string taskName, string category) =>
        Has(MolDashPermissions.TaskExecute)
        || Has(MolDashPermissions.ExecuteTask(taskName))
        || Has(MolDashPermissions.ExecuteCategory(category));
}
