namespace MolDash.GrainInterfaces.Access;

/// <summary>
/// Marks a grain method that members of other orgs may call when the grain is shared (see
/// <see cref="ISharedAcrossOrgs"/>); every method without it stays closed to them.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class OpenToOtherOrgsAttribute : Attribute;
