namespace MolDash.GrainInterfaces.Access;

/// <summary>
/// Lets a grain interface be called without a caller in the RequestContext (the login check).
/// Every other MolDash grain call without a caller is refused.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class AllowAnonymousCallsAttribute : Attribute;
